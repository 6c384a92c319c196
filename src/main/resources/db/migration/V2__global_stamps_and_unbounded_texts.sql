-- Stamps come from one sequence, so a version that is deleted and made again under the same name
-- never repeats a stamp (caches are keyed by name and stamp).
create sequence version_stamp start with 1000000;

-- Texts a budget file may make long are not limited here (the reader and the forms limit them).
alter table proposal alter column proposal_id set data type varchar;
alter table proposal alter column unit_id set data type varchar;
alter table proposal alter column title set data type varchar;
alter table change_log alter column target set data type varchar;
