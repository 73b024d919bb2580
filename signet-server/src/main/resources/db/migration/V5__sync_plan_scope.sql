-- What a run planned: every mirrored user, or only those an incremental round touched; and a fingerprint of
-- the rules, mapping and settings it planned with (a change makes the next run plan everyone again).
ALTER TABLE sync_run ADD COLUMN plan_fingerprint VARCHAR(64);
ALTER TABLE sync_run ADD COLUMN planned_all BOOLEAN;
