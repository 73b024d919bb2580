-- Group-based admins: the members of an Entra group are admins of the organisation with the group's role. The
-- name is the group's as it was picked; membership is asked of Microsoft Graph at every "Sign in with Microsoft".
CREATE TABLE admin_group (
    org_id     UUID         NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    group_id   VARCHAR(64)  NOT NULL,
    group_name VARCHAR(256) NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, group_id),
    -- Owners are named by hand, so that "at least one owner" never depends on a group's members.
    CONSTRAINT ck_admin_group_role CHECK (role IN ('admin', 'editor'))
);

-- An admin row made at the first Microsoft sign-in of a group member: its role follows the groups, re-checked at
-- every sign-in; admins added by hand are never touched by groups.
ALTER TABLE admin_account ADD COLUMN via_group BOOLEAN DEFAULT FALSE NOT NULL;
