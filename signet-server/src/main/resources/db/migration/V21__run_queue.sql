-- Sync runs are a queue shared by every Signet instance: a run waits (status 'running', phase 'queued',
-- claimed_by NULL) until an instance with a free slot claims it (SELECT ... FOR UPDATE SKIP LOCKED), then
-- that instance renews heartbeat_at while it works. A run whose heartbeat stops is queued again.
ALTER TABLE sync_run ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE sync_run ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_run ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_run ADD COLUMN force_full BOOLEAN DEFAULT FALSE NOT NULL;
-- Runs left running by a version without the queue: taken over once the stale timeout has passed.
UPDATE sync_run SET claimed_by = 'before-the-run-queue', heartbeat_at = started_at WHERE status = 'running';
CREATE INDEX ix_sync_run_queue ON sync_run (status, claimed_by, started_at);
