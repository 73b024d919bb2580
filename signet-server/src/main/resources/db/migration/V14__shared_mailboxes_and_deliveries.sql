-- Shared mailboxes an organisation registers (support@..., sales@...): their own values for signature templates and
-- their own template per message type (null: the organisation's default). Addresses are unique per organisation,
-- compared ignoring case through address_normalized. A deleted template leaves the mailbox on the default.
CREATE TABLE shared_mailbox (
    id                 UUID PRIMARY KEY,
    org_id             UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    address            VARCHAR(320)  NOT NULL,
    address_normalized VARCHAR(320)  NOT NULL,
    display_name       VARCHAR(256)  NOT NULL,
    company            VARCHAR(200),
    department         VARCHAR(128),
    business_phone     VARCHAR(64),
    website            VARCHAR(500),
    street             VARCHAR(1024),
    postal_code        VARCHAR(40),
    city               VARCHAR(128),
    country            VARCHAR(128),
    new_template_id    UUID REFERENCES signature_template (id) ON DELETE SET NULL,
    reply_template_id  UUID REFERENCES signature_template (id) ON DELETE SET NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_shared_mailbox_address UNIQUE (org_id, address_normalized)
);

-- What a delivery channel reported, aggregated: one row per employee, channel, UTC day, message type and From
-- address ('' when the report named none), holding the latest signature version of that day. No row per email.
CREATE TABLE daily_delivery (
    org_id            UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    employee_id       UUID          NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    channel           VARCHAR(20)   NOT NULL,
    delivery_day      DATE          NOT NULL,
    signature_type    VARCHAR(10)   NOT NULL,
    from_normalized   VARCHAR(320)  NOT NULL,
    -- none, own, shared-mailbox, other-employee or unknown: what the From address was when the report arrived.
    from_kind         VARCHAR(20)   NOT NULL,
    signature_version VARCHAR(64)   NOT NULL,
    client_platform   VARCHAR(64)   NOT NULL,
    client_version    VARCHAR(64),
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, employee_id, channel, delivery_day, signature_type, from_normalized)
);
CREATE INDEX ix_daily_delivery_received ON daily_delivery (org_id, received_at);
