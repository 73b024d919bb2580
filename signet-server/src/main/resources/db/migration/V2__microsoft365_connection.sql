-- The connection of an organisation to its Microsoft 365 tenant. Tokens only ever encrypted (AES-GCM).
CREATE TABLE m365_connection (
    org_id                  UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    tenant_id               VARCHAR(64)   NOT NULL,
    connected_by_oid        VARCHAR(64),
    connected_by_name       VARCHAR(256),
    connected_by_username   VARCHAR(320),
    connected_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_scopes          VARCHAR(2000) NOT NULL,
    status                  VARCHAR(20)   NOT NULL,
    status_reason           VARCHAR(1000),
    refresh_token_enc       VARCHAR(16000) NOT NULL,
    access_token_enc        VARCHAR(16000),
    access_token_expires_at TIMESTAMP WITH TIME ZONE,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- One Microsoft tenant feeds one Signet organisation at a time.
    CONSTRAINT uq_m365_connection_tenant UNIQUE (tenant_id),
    CONSTRAINT ck_m365_connection_status CHECK (status IN ('connected', 'needs_reconnect'))
);

CREATE TABLE m365_authorization_request (
    state_hash        VARCHAR(64) PRIMARY KEY,
    org_id            UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    admin_id          UUID        NOT NULL,
    code_verifier_enc VARCHAR(500) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_m365_authorization_request_org ON m365_authorization_request (org_id);

CREATE TABLE m365_settings (
    org_id                UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    auto_sync             BOOLEAN     NOT NULL,
    overwrite_manual_data BOOLEAN     NOT NULL,
    removed_users         VARCHAR(20) NOT NULL,
    disabled_users        VARCHAR(20) NOT NULL,
    unmatched_users       VARCHAR(20) NOT NULL,
    time_zone             VARCHAR(64),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
