-- Several organisations in one installation (issue 11, section 5). The same SQL runs on H2 (MODE=PostgreSQL)
-- and PostgreSQL 15.
--
-- An organisation is known by its slug, which is also the id its budget files give (organisation.id: 'ipo',
-- 'gr-voorbeeldregio') and the key of its realised figures (V9's realised_period.organisation). Every version
-- belongs to one organisation; a version made from another (a copy, an amendment, the definitive budget)
-- belongs to the same one. A database made before holds only the IPO's versions: they stay the IPO's.
create table organisation (
  slug        varchar(100)  primary key,
  name        varchar(300)  not null,
  position    integer       not null
);

insert into organisation (slug, name, position)
  select 'ipo', 'Vereniging Interprovinciaal Overleg', 1 from (values (1)) as one(x)
  where exists (select 1 from budget_version) or exists (select 1 from account);

alter table budget_version add column organisation varchar(100) default 'ipo' not null;
alter table budget_version add constraint budget_version_organisation foreign key (organisation) references organisation (slug);
create index budget_version_by_organisation on budget_version (organisation, id);

-- People: an account's roles, units and member (V4) are its roles in its own organisation, account.organisation;
-- null (every account made before, and one made without naming an organisation) is the first organisation, the
-- IPO in a database made before. Roles in further organisations are rows of account_role. The beheerder
-- (administrator) is installation-wide wherever it is listed.
alter table account add column organisation varchar(100);

create table account_role (
  account_id    varchar(100)  not null references account(id) on delete cascade,
  organisation  varchar(100)  not null references organisation(slug),
  roles         varchar(200)  not null,
  primary key (account_id, organisation)
);
