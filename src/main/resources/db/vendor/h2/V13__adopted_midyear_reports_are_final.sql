-- An adopted Tussenrapportage is final, also for someone who writes SQL (H2; PostgreSQL has the same rule in
-- plpgsql, db/vendor/postgresql). V6_1 already guards its proposals and its budget_version row; this guards
-- what a version does not hold: its midyear_report row (the year and period it reports up to) and its
-- forecasts. The rule is in nl.begroot.store.AdoptedGuard: any insert, update or delete of such a row of a
-- version whose status is vastgesteld or gepubliceerd is refused.
create trigger midyear_report_final before insert, update, delete on midyear_report for each row call 'nl.begroot.store.AdoptedGuard';
create trigger midyear_forecast_final before insert, update, delete on midyear_forecast for each row call 'nl.begroot.store.AdoptedGuard';
