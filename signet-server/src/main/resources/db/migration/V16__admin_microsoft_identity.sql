-- Sign in with Microsoft: an admin's Microsoft identity, linked once from the mirror of the connected tenant and
-- matched by tenant id and object id only (never by the token's email claims, which the user's tenant can change).
CREATE TABLE admin_microsoft_identity (
    admin_id   UUID        PRIMARY KEY REFERENCES admin_account (id) ON DELETE CASCADE,
    org_id     UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    tenant_id  VARCHAR(36) NOT NULL,
    object_id  VARCHAR(36) NOT NULL,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_admin_microsoft_identity UNIQUE (tenant_id, object_id)
);

-- An admin without a password signs in with Microsoft only.
ALTER TABLE admin_account ALTER COLUMN password_hash DROP NOT NULL;
