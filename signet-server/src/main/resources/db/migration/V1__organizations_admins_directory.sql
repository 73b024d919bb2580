-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Case-insensitive uniqueness uses *_normalized columns (lower-cased by the application), because H2
-- has no expression indexes.

CREATE TABLE organization (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    plan        VARCHAR(40)  NOT NULL,
    seat_limit  INTEGER      NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE admin_account (
    id               UUID PRIMARY KEY,
    org_id           UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    email            VARCHAR(320) NOT NULL,
    email_normalized VARCHAR(320) NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Admins sign in with their email alone, so it is unique across organisations.
    CONSTRAINT uq_admin_account_email UNIQUE (email_normalized),
    CONSTRAINT ck_admin_account_role CHECK (role IN ('owner', 'admin', 'editor'))
);
CREATE INDEX ix_admin_account_org ON admin_account (org_id);

CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    org_id       UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    admin_id     UUID         NOT NULL REFERENCES admin_account (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    prefix       VARCHAR(12)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_admin ON api_token (org_id, admin_id);

CREATE TABLE department (
    id              UUID PRIMARY KEY,
    org_id          UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    name            VARCHAR(128) NOT NULL,
    name_normalized VARCHAR(128) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_department_name UNIQUE (org_id, name_normalized)
);

CREATE TABLE employee (
    id               UUID PRIMARY KEY,
    org_id           UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    email            VARCHAR(320)  NOT NULL,
    email_normalized VARCHAR(320)  NOT NULL,
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    display_name     VARCHAR(256),
    job_title        VARCHAR(128),
    department_id    UUID REFERENCES department (id) ON DELETE SET NULL,
    company          VARCHAR(200),
    business_phone   VARCHAR(64),
    mobile_phone     VARCHAR(64),
    fax              VARCHAR(64),
    street           VARCHAR(1024),
    postal_code      VARCHAR(40),
    city             VARCHAR(128),
    state            VARCHAR(128),
    country          VARCHAR(128),
    office_location  VARCHAR(128),
    website          VARCHAR(500),
    manager_name     VARCHAR(256),
    photo_ref        VARCHAR(500),
    source           VARCHAR(20)   NOT NULL,
    m365_object_id   VARCHAR(64),
    status           VARCHAR(20)   NOT NULL,
    sync_paused      BOOLEAN       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_employee_email UNIQUE (org_id, email_normalized),
    CONSTRAINT uq_employee_m365_object UNIQUE (org_id, m365_object_id),
    CONSTRAINT ck_employee_source CHECK (source IN ('manual', 'microsoft365')),
    CONSTRAINT ck_employee_status CHECK (status IN ('active', 'inactive'))
);
CREATE INDEX ix_employee_department ON employee (org_id, department_id);
CREATE INDEX ix_employee_last_name ON employee (org_id, last_name);

CREATE TABLE employee_custom_field (
    org_id      UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    employee_id UUID          NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    name        VARCHAR(64)   NOT NULL,
    field_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (employee_id, name)
);
CREATE INDEX ix_employee_custom_field_org ON employee_custom_field (org_id);
