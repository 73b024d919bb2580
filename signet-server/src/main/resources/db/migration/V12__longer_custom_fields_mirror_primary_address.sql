-- Custom fields keep values up to 1024 characters: Microsoft 365's extension attributes hold that many.
ALTER TABLE employee_custom_field ALTER COLUMN field_value SET DATA TYPE VARCHAR(1024);

-- Each enabled, not removed mirrored user's primary address as compared (lower-cased, normalised): an address
-- that two users share identifies neither, and the sync finds such addresses with this index.
ALTER TABLE m365_mirror_user ADD COLUMN primary_address VARCHAR(320);
CREATE INDEX ix_m365_mirror_user_primary_address ON m365_mirror_user (org_id, primary_address);

-- The reports of a manager whose attributes changed are planned again in an incremental run.
CREATE INDEX ix_m365_mirror_user_manager ON m365_mirror_user (org_id, manager_id);
