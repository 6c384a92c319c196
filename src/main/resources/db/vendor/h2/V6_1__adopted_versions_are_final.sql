-- An adopted version is final, also for someone who writes SQL (H2; PostgreSQL has the same rule in plpgsql,
-- db/vendor/postgresql). The rule is in nl.begroot.store.AdoptedGuard: refused are any insert, update or
-- delete of a proposal row of a version whose status is vastgesteld or gepubliceerd; any change of such a
-- version's row except its status going from vastgesteld to gepubliceerd (with its stamp and updated_at/by);
-- deleting it.
create trigger proposal_final before insert, update, delete on proposal for each row call 'nl.begroot.store.AdoptedGuard';
create trigger version_final before update, delete on budget_version for each row call 'nl.begroot.store.AdoptedGuard';
