-- Sign-in with the organisation's identity provider (OpenID Connect): which account a provider's
-- person is. The pair (issuer, subject) is the person at the provider (the ID token's iss and sub,
-- stable for life); account_id the account they sign in as. An account is linked on the first
-- sign-in and never taken over by a provider's person with the same user name (a local "anna" stays
-- local: the provider's anna gets another id).

create table oidc_identity (
  issuer      varchar(500)  not null,
  subject     varchar(255)  not null,
  account_id  varchar(100)  not null references account(id) on delete cascade,
  first_seen  timestamp with time zone not null,
  last_seen   timestamp with time zone not null,
  primary key (issuer, subject)
);

create index oidc_identity_account on oidc_identity(account_id);
