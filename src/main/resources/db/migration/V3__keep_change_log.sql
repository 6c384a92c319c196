-- The change log is kept: deleting a version no longer deletes its log entries, and the deletion
-- itself is an entry. The foreign key from change_log to budget_version (on delete cascade) goes;
-- each entry carries the version's slug and name, so that a deleted version's entries stay readable.
-- Dropping the column drops its foreign key on H2 and on PostgreSQL alike (H2 names the constraint
-- itself), so the id moves through a second column.
alter table change_log add column version_ref bigint;
update change_log set version_ref = version_id;
drop index change_log_version;
alter table change_log drop column version_id;
alter table change_log add column version_id bigint;
update change_log set version_id = version_ref;
alter table change_log alter column version_id set not null;
alter table change_log drop column version_ref;
alter table change_log add column version_slug varchar;
alter table change_log add column version_name varchar;
update change_log set version_slug = (select slug from budget_version v where v.id = change_log.version_id),
                      version_name = (select name from budget_version v where v.id = change_log.version_id);
alter table change_log alter column version_slug set not null;
alter table change_log alter column version_name set not null;
create index change_log_version on change_log(version_id, id);
