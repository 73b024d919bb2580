package io.signet.microsoft;

import java.util.UUID;

/** Opens read-only sessions on an organisation's Microsoft 365 tenant. */
public interface GraphDirectory {

    /** A session that reads with the organisation's stored grant. */
    GraphSession open(UUID orgId);
}
