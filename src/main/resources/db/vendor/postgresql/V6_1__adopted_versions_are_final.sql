-- An adopted version is final, also for someone who writes SQL (PostgreSQL; H2 has the same rule in
-- nl.begroot.store.AdoptedGuard). Refused: any insert, update or delete of a proposal row of a version whose
-- status is vastgesteld or gepubliceerd; any change of such a version's row except its status going from
-- vastgesteld to gepubliceerd (with its stamp and updated_at/by, which every write raises); deleting it.
create or replace function begroot_adopted(version bigint) returns boolean language sql stable as $$
  select coalesce((select status in ('vastgesteld', 'gepubliceerd') from budget_version where id = version), false)
$$;

create or replace function begroot_proposal_final() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and begroot_adopted(old.version_id) then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; proposal % is not changed', old.version_id, old.proposal_id
      using errcode = 'P0001';
  end if;
  if tg_op in ('INSERT', 'UPDATE') and begroot_adopted(new.version_id) then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; proposal % is not written', new.version_id, new.proposal_id
      using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;

create trigger proposal_final before insert or update or delete on proposal
  for each row execute function begroot_proposal_final();

create or replace function begroot_version_final() returns trigger language plpgsql as $$
begin
  if old.status not in ('vastgesteld', 'gepubliceerd') then
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; it is not deleted', old.slug using errcode = 'P0001';
  end if;
  if (new.id, new.slug, new.name, new.kind, new.based_on, new.base_yaml, new.revision, new.created_at, new.created_by,
      new.adopted_on, new.adopted_body, new.decision_ref, new.adopted_by, new.shared, new.amendment_no)
     is distinct from
     (old.id, old.slug, old.name, old.kind, old.based_on, old.base_yaml, old.revision, old.created_at, old.created_by,
      old.adopted_on, old.adopted_body, old.decision_ref, old.adopted_by, old.shared, old.amendment_no)
     or not (new.status = old.status or (old.status = 'vastgesteld' and new.status = 'gepubliceerd')) then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; only publishing it changes its row', old.slug
      using errcode = 'P0001';
  end if;
  return new;
end
$$;

create trigger version_final before update or delete on budget_version
  for each row execute function begroot_version_final();
