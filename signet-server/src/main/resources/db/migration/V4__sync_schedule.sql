-- db-scheduler's table (its PostgreSQL schema, in types H2 also accepts): the scheduler's tick runs on
-- one instance at a time, whichever picks it.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority, execution_time);

-- When each organisation's scheduled runs last started: the nightly slot it served, the last frequent run.
CREATE TABLE sync_schedule_state (
    org_id             UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    last_nightly_slot  TIMESTAMP WITH TIME ZONE,
    last_frequent_at   TIMESTAMP WITH TIME ZONE
);

-- Frequent incremental runs between the nightly ones: 0 (off), 15, 30 or 60 minutes.
ALTER TABLE sync_configuration ADD COLUMN incremental_minutes INTEGER DEFAULT 0 NOT NULL;
