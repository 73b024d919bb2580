-- Self-service: which of their own fields employees may edit (from the Outlook add-in's task pane), and whether an
-- edit waits for an admin's approval. A field without a row is locked.
CREATE TABLE self_service_field (
    org_id     UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    field      VARCHAR(80) NOT NULL,
    editable   BOOLEAN     NOT NULL,
    approval   BOOLEAN     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, field)
);

-- An employee's edit that waits for (or got) an admin's decision. At most one pending request per employee and
-- field: a new edit replaces the pending one (the application keeps that, as H2 has no partial unique index).
-- requested_value NULL: the employee asks for the field to be emptied.
CREATE TABLE detail_request (
    id           UUID         PRIMARY KEY,
    org_id       UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    employee_id  UUID         NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    field        VARCHAR(80)  NOT NULL,
    requested_value VARCHAR(1024),
    status       VARCHAR(10)  NOT NULL,
    requested_by VARCHAR(320) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   VARCHAR(320),
    decided_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_detail_request_status ON detail_request (org_id, status, requested_at);
CREATE INDEX ix_detail_request_employee ON detail_request (org_id, employee_id, field, status);

-- Who set an employee's self-service value and when (the value itself is the employee's field; its source in
-- employee.field_sources is 'self-service'). approved_by: the admin who approved it, NULL when none was needed.
CREATE TABLE self_service_value (
    org_id      UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    employee_id UUID         NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    field       VARCHAR(80)  NOT NULL,
    set_by      VARCHAR(320) NOT NULL,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by VARCHAR(320),
    PRIMARY KEY (employee_id, field)
);
CREATE INDEX ix_self_service_value_org ON self_service_value (org_id, employee_id);
