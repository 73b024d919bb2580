-- The audit log: one row per change an admin made, written once and never updated. Only the retention job
-- deletes rows (older than signet.audit.retention). "before" and "after" are JSON text with secrets masked.
CREATE TABLE audit_event (
    id             UUID          PRIMARY KEY,
    org_id         UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    admin_id       UUID          NOT NULL,
    admin_email    VARCHAR(320)  NOT NULL,
    client_address VARCHAR(64),
    action         VARCHAR(300)  NOT NULL,
    target         VARCHAR(300),
    before_json    VARCHAR(100000),
    after_json     VARCHAR(100000)
);
CREATE INDEX audit_event_org_at ON audit_event (org_id, at);
CREATE INDEX audit_event_at ON audit_event (at);
