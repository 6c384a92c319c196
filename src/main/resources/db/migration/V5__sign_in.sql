-- Sign-in with a local account (issue 9): the password's Argon2id hash (the encoded form, with its
-- parameters and salt), whether it is a one-time password that must be replaced at the next sign-in,
-- the TOTP secret (base32; pending while it is being enrolled) and the last time step a code was
-- accepted for (a code is good once: a step not after this one is refused).
alter table account add column password_hash   varchar(300);
alter table account add column password_once   boolean not null default false;
alter table account add column totp_secret     varchar(64);
alter table account add column totp_pending    varchar(64);
alter table account add column totp_last_step  bigint;

-- A sign-in half done: the password was right, a new password or the second factor is still to come.
-- Kept by the SHA-256 of its cookie's token, like a session; it lives 10 minutes.
create table sign_in_pending (
  token_hash  varchar(64)  primary key,
  account_id  varchar(100) not null references account(id) on delete cascade,
  created_at  timestamp with time zone not null
);

-- Failed sign-ins per subject ("account:<id>" or "address:<ip>"), shared by every server on the
-- database: after a number of free failures each next attempt waits 2^n seconds (decision in DECISIONS.md).
create table sign_in_failure (
  subject       varchar(300) primary key,
  failures      integer      not null,
  last_failure  timestamp with time zone not null
);
