-- The photo each mirrored user had when last checked: Graph's version of it (its media ETag) and the
-- signature asset that holds Signet's copy. A photo is downloaded again only when its version changes.
ALTER TABLE m365_mirror_user ADD COLUMN photo_version VARCHAR(200);
ALTER TABLE m365_mirror_user ADD COLUMN photo_ref VARCHAR(64);

-- How long each phase of a run took (JSON: {"fetch": ms, "apply": ms, "photos": ms}).
ALTER TABLE sync_run ADD COLUMN phase_millis VARCHAR(500);
