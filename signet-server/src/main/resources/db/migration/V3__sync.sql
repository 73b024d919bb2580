-- Where each employee value came from, and since when the sync keeps an employee deactivated.
-- field_sources is a JSON object: field name -> the Microsoft 365 source that wrote it (absent: manual).
ALTER TABLE employee ADD COLUMN field_sources VARCHAR(8000);
ALTER TABLE employee ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

-- The last-seen attributes of every user of the connected tenant, imported or not (JSON object).
CREATE TABLE m365_mirror_user (
    org_id      UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    user_id     VARCHAR(64)   NOT NULL,
    attributes  VARCHAR(200000) NOT NULL,
    manager_id  VARCHAR(64),
    removed     BOOLEAN       NOT NULL,
    seen_run_id UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- Transitive members of the groups that rules name.
CREATE TABLE m365_mirror_membership (
    org_id   UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    group_id VARCHAR(64) NOT NULL,
    user_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, group_id, user_id)
);
CREATE INDEX ix_m365_mirror_membership_user ON m365_mirror_membership (org_id, user_id);

-- Where the next incremental round starts, and which $select the link was made with.
CREATE TABLE m365_delta_state (
    org_id      UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    delta_link  VARCHAR(8000) NOT NULL,
    select_list VARCHAR(4000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Import rules, department rules and data mapping of an organisation (JSON documents).
CREATE TABLE sync_configuration (
    org_id           UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    import_rules     VARCHAR(100000),
    department_rules VARCHAR(100000),
    data_mapping     VARCHAR(100000),
    delete_grace_days INTEGER NOT NULL,
    org_paused       BOOLEAN NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sync_run (
    id             UUID PRIMARY KEY,
    org_id         UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    trigger_kind   VARCHAR(20)  NOT NULL,
    dry_run        BOOLEAN      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    phase          VARCHAR(20)  NOT NULL,
    processed      INTEGER      NOT NULL,
    total          INTEGER,
    counts         VARCHAR(2000) NOT NULL,
    graph_requests BIGINT       NOT NULL,
    full_round     BOOLEAN,
    note           VARCHAR(1000),
    error          VARCHAR(2000),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_sync_run_status CHECK (status IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX ix_sync_run_org ON sync_run (org_id, started_at);

-- At most one running sync per organisation, whichever server instance runs it.
CREATE TABLE sync_lock (
    org_id       UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    run_id       UUID NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a run did (or, dry, would do) per employee, with field diffs (JSON) and the reason.
CREATE TABLE sync_change (
    run_id      UUID         NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
    seq         INTEGER      NOT NULL,
    org_id      UUID         NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    employee_id UUID,
    user_id     VARCHAR(64),
    email       VARCHAR(320),
    reason      VARCHAR(1000) NOT NULL,
    changes     VARCHAR(100000),
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX ix_sync_change_action ON sync_change (run_id, action);
