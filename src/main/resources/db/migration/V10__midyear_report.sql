-- The Tussenrapportage (mid-year report, issue 11 section 3; docs/midyear.md). It is a budget version of
-- kind 'midyear' (its proposals are the report's proposals); these tables hold what a version does not:
-- the year and the last realised period it reports up to, and per unit the forecast for the year
-- (prognose), lasten and baten in integral cents, with its reason and a revision for optimistic locking.
-- A version's rows go when the version goes. Every write is logged in the change log by the application.

create table midyear_report (
  version_id    bigint        not null primary key references budget_version(id) on delete cascade,
  book_year     integer       not null,
  up_to_period  integer       not null check (up_to_period between 1 and 12)
);

create table midyear_forecast (
  version_id    bigint        not null references midyear_report(version_id) on delete cascade,
  unit_id       varchar(100)  not null,
  lasten_cents  bigint        not null,
  baten_cents   bigint        not null,
  reason        varchar(2000) not null,
  revision      integer       not null,
  updated_at    timestamp with time zone not null,
  updated_by    varchar(100)  not null,
  primary key (version_id, unit_id)
);
