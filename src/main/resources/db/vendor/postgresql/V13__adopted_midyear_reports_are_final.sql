-- An adopted Tussenrapportage is final, also for someone who writes SQL (PostgreSQL; H2 has the same rule in
-- nl.begroot.store.AdoptedGuard). V6_1 already guards its proposals and its budget_version row; this guards
-- what a version does not hold: its midyear_report row (the year and period it reports up to) and its
-- forecasts. Refused: any insert, update or delete of such a row of a version whose status is vastgesteld or
-- gepubliceerd (begroot_adopted, V6_1).
create or replace function begroot_content_final() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and begroot_adopted(old.version_id) then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; its % is not changed', old.version_id, tg_table_name
      using errcode = 'P0001';
  end if;
  if tg_op in ('INSERT', 'UPDATE') and begroot_adopted(new.version_id) then
    raise exception 'begroot: version % is adopted (vastgesteld) and final; its % is not written', new.version_id, tg_table_name
      using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;

create trigger midyear_report_final before insert or update or delete on midyear_report
  for each row execute function begroot_content_final();
create trigger midyear_forecast_final before insert or update or delete on midyear_forecast
  for each row execute function begroot_content_final();
