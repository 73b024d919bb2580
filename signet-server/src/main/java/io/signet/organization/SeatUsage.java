package io.signet.organization;

import java.util.UUID;

/**
 * How many seats an organisation uses. Implemented by the module that owns employees, so that this
 * module need not know about them.
 */
public interface SeatUsage {

    int seatsUsed(UUID orgId);
}
