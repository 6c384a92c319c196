-- The annual accounts (jaarverslag en jaarrekening, issue 11 section 4; docs/accounts.md). The accounts of a
-- year are a version of kind 'accounts' (budget_version) based on the adopted version whose budget after
-- amendments they are set against; these tables hold what the accounts add: the year and the threshold,
-- the explanation of each deviation, and the reserves with the appropriation's movements. Amounts in cents.

create table annual_accounts (
  version_id         bigint        primary key references budget_version(id) on delete cascade,
  book_year          integer       not null,
  source_slug        varchar(200)  not null,   -- the adopted version whose budget after amendments is the budget
  threshold_cents    bigint        not null check (threshold_cents >= 0),
  threshold_percent  integer       not null check (threshold_percent between 0 and 100),
  revision           integer       not null,
  updated_at         timestamp with time zone not null,
  updated_by         varchar(200)  not null
);

create table accounts_explanation (
  version_id    bigint         not null references budget_version(id) on delete cascade,
  programme_id  varchar(100)   not null,
  side          varchar(10)    not null check (side in ('lasten', 'baten')),
  body          varchar(4000)  not null,
  revision      integer        not null,
  updated_at    timestamp with time zone not null,
  updated_by    varchar(200)   not null,
  primary key (version_id, programme_id, side)
);

create table accounts_reserve (
  version_id        bigint        not null references budget_version(id) on delete cascade,
  reserve_id        varchar(100)  not null,
  position          integer       not null,
  name              varchar(200)  not null,
  kind              varchar(20)   not null check (kind in ('algemeen', 'bestemming')),
  annex_column      varchar(100)  not null,
  opening_cents     bigint        not null check (opening_cents >= 0),
  addition_cents    bigint        not null check (addition_cents >= 0),
  withdrawal_cents  bigint        not null check (withdrawal_cents >= 0),
  illustration      boolean       not null default false,
  primary key (version_id, reserve_id)
);
