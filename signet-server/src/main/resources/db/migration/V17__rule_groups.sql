-- The groups that rules name, as the last sync found them in Microsoft 365: their current name, or that they
-- were deleted there (then the rules naming them match nobody and are flagged).
CREATE TABLE m365_rule_group (
    org_id       UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    group_id     VARCHAR(64)  NOT NULL,
    display_name VARCHAR(256),
    deleted      BOOLEAN      NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, group_id)
);
