-- The desktop agent's settings per organisation (the defaults apply while an organisation has no row).
CREATE TABLE agent_settings (
    org_id                UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    sync_interval_minutes INTEGER     NOT NULL,
    images                VARCHAR(20) NOT NULL,
    roaming               VARCHAR(20) NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The latest check-in of each employee's desktop agent per device: one row per (employee, device name ignoring
-- case), replaced by every check-in. installed and problems are small JSON lists, kept as text on both databases.
CREATE TABLE agent_check_in (
    id                 UUID PRIMARY KEY,
    org_id             UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    employee_id        UUID          NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    device             VARCHAR(128)  NOT NULL,
    device_normalized  VARCHAR(128)  NOT NULL,
    agent_version      VARCHAR(32)   NOT NULL,
    os                 VARCHAR(128),
    outlook_kind       VARCHAR(20)   NOT NULL,
    outlook_version    VARCHAR(32),
    roaming            VARCHAR(30)   NOT NULL,
    signatures_version VARCHAR(64),
    installed          VARCHAR(16384) NOT NULL,
    problems           VARCHAR(65536) NOT NULL,
    last_error         VARCHAR(500),
    -- Whether the installed versions were the ones Signet served when the check-in arrived.
    current_at_receipt BOOLEAN       NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_agent_check_in_device UNIQUE (org_id, employee_id, device_normalized)
);
CREATE INDEX ix_agent_check_in_received ON agent_check_in (org_id, received_at);
