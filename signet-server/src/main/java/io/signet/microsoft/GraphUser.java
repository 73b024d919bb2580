package io.signet.microsoft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user as one Graph response told it: only the properties present in that response (a later delta
 * round may carry only changed ones, so absent means "unchanged", and a present null means "cleared").
 * Values are {@code String}, {@code Boolean} or {@code List<String>}; {@code assignedLicenses} is the list
 * of SKU ids; extension attributes come flattened as {@code onPremisesExtensionAttributes.extensionAttributeN}.
 * {@code removed} is {@code null} unless Graph said {@code @removed} (then "changed" or "deleted").
 * {@code managerReported} when the response carried {@code manager@delta} (the manager changed): then
 * {@code managerId} is the new manager, or null when the user has none any more.
 */
public record GraphUser(String id, String removed, Map<String, Object> properties, boolean managerReported,
        String managerId) {

    public GraphUser {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public boolean isRemoved() {
        return removed != null;
    }
}
