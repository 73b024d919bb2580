package io.signet.sync.internal.mirror;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.signet.sync.MirroredUser;

/** A mirror row: the merged Graph properties of one user, its manager and whether Graph removed it. */
record StoredUser(String id, Map<String, Object> attributes, String managerId, boolean removed) {

    MirroredUser toMirrored() {
        Map<String, String> text = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (value instanceof String s) {
                text.put(name, s);
            }
        });
        Object enabled = attributes.get("accountEnabled");
        return new MirroredUser(id, text, list("businessPhones"), list("proxyAddresses"), list("assignedLicenses"),
                !(enabled instanceof Boolean b) || b, "Guest".equalsIgnoreCase(text.get("userType")), managerId, removed);
    }

    private List<String> list(String name) {
        return attributes.get(name) instanceof List<?> values
                ? values.stream().filter(v -> v != null).map(Object::toString).toList()
                : List.of();
    }
}
