-- Realised figures (realisatie) from the financial administration (issue 11, section 2).
-- Realisation is the organisation's, not a budget version's: every version of a year is set against
-- the same realised figures. A period is replaced as a whole by the next import that covers it
-- (realised_period says which import its figures come from); amounts are integral cents.

create table realised_period (
  organisation  varchar(100)  not null,
  book_year     integer       not null,
  period        integer       not null check (period between 1 and 13),
  source        varchar(20)   not null check (source in ('xaf', 'csv')),
  file_name     varchar(255)  not null,
  file_sha256   varchar(64)   not null,
  version_slug  varchar(200)  not null,   -- the version whose ledger mapping was used
  imported_at   timestamp with time zone not null,
  imported_by   varchar(100)  not null,
  primary key (organisation, book_year, period)
);

create table realised_amount (
  organisation  varchar(100)  not null,
  book_year     integer       not null,
  period        integer       not null,
  unit_id       varchar(100)  not null,
  side          varchar(10)   not null check (side in ('lasten', 'baten')),
  money         varchar(20)   not null check (money in ('own', 'pass-through', 'third-party')),
  third_party   varchar(100)  not null default '',
  amount_cents  bigint        not null,
  primary key (organisation, book_year, period, unit_id, side, money, third_party),
  foreign key (organisation, book_year, period) references realised_period (organisation, book_year, period) on delete cascade
);
