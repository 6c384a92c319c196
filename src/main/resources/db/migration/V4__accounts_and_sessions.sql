-- People who sign in, and their sessions (issue: who may do what).
-- An account's roles and units are comma-separated codes ("controller,budgethouder"; "2,3.1");
-- member is a lid's province code. A session is kept by the SHA-256 of its cookie's token: the
-- token itself is never stored, so a copy of the database signs nobody in.

create table account (
  id          varchar(100)  primary key,
  name        varchar(200)  not null,
  roles       varchar(200)  not null,
  units       varchar(1000) not null,
  member      varchar(20),
  disabled    boolean       not null,
  created_at  timestamp with time zone not null,
  created_by  varchar(200)  not null
);

create table web_session (
  token_hash    varchar(64)   primary key,
  account_id    varchar(100)  not null references account(id) on delete cascade,
  second_factor boolean       not null,
  created_at    timestamp with time zone not null,
  last_seen     timestamp with time zone not null
);

create index web_session_account on web_session(account_id);
