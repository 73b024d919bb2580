package io.signet.sync.internal.mirror;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.signet.directory.FieldContract;
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

    /**
     * The primary address (as compared) of an enabled, present user, else null: what {@link MirroredUser#primaryEmailKey}
     * answers, without normalising every other attribute (the mirror computes it for every user it writes).
     */
    String primaryAddress() {
        if (removed || Boolean.FALSE.equals(attributes.get("accountEnabled"))) {
            return null;
        }
        String address = FieldContract.key(attributes.get("mail") instanceof String mail ? mail : null);
        if (address == null) {
            address = FieldContract.key(attributes.get("userPrincipalName") instanceof String upn ? upn : null);
        }
        return address == null || address.length() > FieldContract.EMAIL ? null : address;
    }

    private List<String> list(String name) {
        return attributes.get(name) instanceof List<?> values
                ? values.stream().filter(v -> v != null).map(Object::toString).toList()
                : List.of();
    }
}
