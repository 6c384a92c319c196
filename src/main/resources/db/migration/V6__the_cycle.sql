-- The cycle's decisions (issue 9, part 3). The same SQL runs on H2 (MODE=PostgreSQL) and PostgreSQL 15;
-- the triggers that make an adopted version final differ per engine and live in db/vendor/{h2,postgresql}
-- (V6_1, see Database.open).
--
-- A version's status (concept, ingediend, vastgesteld, gepubliceerd) with the facts of its adoption
-- (date, the body that adopted it, the decision's reference, who recorded it); a scenario's shared flag
-- (its owner is created_by); an amendment (begrotingswijziging) is a version of kind 'amendment' based on
-- the adopted version, numbered 1, 2, ... per adopted version.
alter table budget_version add column status varchar(20) default 'concept' not null;
alter table budget_version add column adopted_on date;
alter table budget_version add column adopted_body varchar;
alter table budget_version add column decision_ref varchar;
alter table budget_version add column adopted_by varchar(200);
alter table budget_version add column shared boolean default false not null;
alter table budget_version add column amendment_no integer;
alter table budget_version add constraint budget_version_status
  check (status in ('concept', 'ingediend', 'vastgesteld', 'gepubliceerd'));
alter table budget_version add constraint budget_version_adoption
  check (status not in ('vastgesteld', 'gepubliceerd')
         or (adopted_on is not null and adopted_body is not null and decision_ref is not null and adopted_by is not null));
create unique index budget_version_amendment on budget_version(based_on, amendment_no);

-- A proposal's status (concept, ingediend, goedgekeurd, afgewezen); its author is created_by; who reviewed
-- it, when, and why (a rejection's reason).
alter table proposal add column status varchar(20) default 'concept' not null;
alter table proposal add column reviewer varchar(200);
alter table proposal add column review_reason varchar;
alter table proposal add column reviewed_at timestamp with time zone;
alter table proposal add constraint proposal_status
  check (status in ('concept', 'ingediend', 'goedgekeurd', 'afgewezen'));

-- A database made before: the shipped frame is last year's adopted budget, and the shipped concept's
-- proposals that nobody changed since seeding count as approved by the seed (so the demo can be submitted).
update proposal set status = 'goedgekeurd', reviewer = 'seed', reviewed_at = updated_at,
    review_reason = 'Ingebouwd voorbeeld: goedgekeurd bij het inlezen'
  where updated_by in ('seed', 'begroot')
    and version_id in (select id from budget_version where kind in ('frame', 'concept')
                         and slug in ('begroting-2026', 'conceptbegroting-2027'));
update budget_version set status = 'vastgesteld', adopted_on = cast(created_at as date), adopted_body = 'Algemene Vergadering',
    decision_ref = 'Ingebouwd voorbeeld: kader uit de vastgestelde Begroting 2026', adopted_by = 'begroot'
  where slug = 'begroting-2026' and kind = 'frame';
