-- Signature templates, their assignment (employee > department > organisation default, per message
-- type), the organisation's branding for signatures, and images served under unguessable tokens.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE signature_template (
    id              UUID PRIMARY KEY,
    org_id          UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    name            VARCHAR(128)  NOT NULL,
    name_normalized VARCHAR(128)  NOT NULL,
    html_body       VARCHAR(65536) NOT NULL,
    text_body       VARCHAR(16384) NOT NULL,
    -- Bumped on every change; compiled templates are cached per (id, revision).
    revision        INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_signature_template_name UNIQUE (org_id, name_normalized)
);

-- One row per (scope, target, message type). template_id NULL means "no signature" (explicitly none).
CREATE TABLE signature_assignment (
    id             UUID PRIMARY KEY,
    org_id         UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    scope          VARCHAR(20) NOT NULL,
    department_id  UUID REFERENCES department (id) ON DELETE CASCADE,
    employee_id    UUID REFERENCES employee (id) ON DELETE CASCADE,
    signature_type VARCHAR(10) NOT NULL,
    -- Deleting a template in use is refused by the application; the cascade serves deleting the organisation.
    template_id    UUID REFERENCES signature_template (id) ON DELETE CASCADE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_signature_assignment_scope CHECK (
        (scope = 'default' AND department_id IS NULL AND employee_id IS NULL)
        OR (scope = 'department' AND department_id IS NOT NULL AND employee_id IS NULL)
        OR (scope = 'employee' AND employee_id IS NOT NULL AND department_id IS NULL)),
    CONSTRAINT ck_signature_assignment_type CHECK (signature_type IN ('new', 'reply'))
);
CREATE INDEX ix_signature_assignment_org ON signature_assignment (org_id, scope, signature_type);
CREATE INDEX ix_signature_assignment_employee ON signature_assignment (org_id, employee_id);
CREATE INDEX ix_signature_assignment_department ON signature_assignment (org_id, department_id);
CREATE INDEX ix_signature_assignment_template ON signature_assignment (template_id);

CREATE TABLE signature_asset (
    id           UUID PRIMARY KEY,
    org_id       UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    -- 128 random bits, hex: the public, unguessable part of /signature-assets/{token}.
    token        VARCHAR(32)  NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_signature_asset_token UNIQUE (token)
);
CREATE INDEX ix_signature_asset_org ON signature_asset (org_id);

CREATE TABLE signature_settings (
    org_id          UUID PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    company_name    VARCHAR(200),
    website         VARCHAR(500),
    logo_asset_id   UUID REFERENCES signature_asset (id) ON DELETE SET NULL,
    banner_asset_id UUID REFERENCES signature_asset (id) ON DELETE SET NULL,
    banner_link     VARCHAR(500),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
