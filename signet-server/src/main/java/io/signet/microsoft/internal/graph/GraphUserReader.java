package io.signet.microsoft.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.OnPremisesExtensionAttributes;
import com.microsoft.graph.models.User;
import com.microsoft.kiota.serialization.UntypedArray;
import com.microsoft.kiota.serialization.UntypedNode;
import com.microsoft.kiota.serialization.UntypedObject;
import com.microsoft.kiota.serialization.UntypedString;

import io.signet.microsoft.GraphUser;

/**
 * Turns the SDK's {@link User} into a {@link GraphUser} holding exactly the properties the response
 * carried. The SDK's backing store knows which properties were present (also those present as null),
 * which is what a delta merge needs.
 */
final class GraphUserReader {

    private static final String EXTENSIONS = "onPremisesExtensionAttributes";
    /** {@code extensionAttribute1} to {@code 15}, and their flattened names: made once, not for every user. */
    private static final String[] EXTENSION_NAMES = IntStream.rangeClosed(1, 15)
            .mapToObj(n -> "extensionAttribute" + n).toArray(String[]::new);
    private static final String[] FLATTENED_NAMES = Arrays.stream(EXTENSION_NAMES)
            .map(name -> EXTENSIONS + "." + name).toArray(String[]::new);

    private GraphUserReader() {
    }

    static GraphUser read(User user) {
        return read(user, java.util.Set.of());
    }

    /** @param nulls the properties the response sent as null (the SDK's parser drops them; see {@link DeltaNulls}) */
    static GraphUser read(User user, java.util.Set<String> nulls) {
        Object removed = user.getAdditionalData().get("@removed");
        String reason = null;
        if (removed != null) {
            reason = removed instanceof Map<?, ?> map && map.get("reason") != null ? map.get("reason").toString()
                    : "deleted";
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : nulls) {
            if (name.equals(EXTENSIONS)) {
                flattenExtensions(null, properties);
            } else if (!name.equals("id")) {
                properties.put(name, null);
            }
        }
        user.getBackingStore().enumerate().forEach((name, value) -> {
            if (name.equals("id") || name.equals("additionalData") || name.equals("odataType")) {
                return;
            }
            if (name.equals(EXTENSIONS)) {
                flattenExtensions((OnPremisesExtensionAttributes) value, properties);
            } else if (name.equals("assignedLicenses")) {
                properties.put(name, skuIds(user.getAssignedLicenses()));
            } else if (value == null || value instanceof String || value instanceof Boolean) {
                properties.put(name, value);
            } else if (value instanceof List<?> list) {
                properties.put(name, list.stream().map(String::valueOf).toList());
            }
            // other types (dates, nested objects) are not used by rules or mapping
        });
        Object managerDelta = user.getAdditionalData().get("manager@delta");
        return new GraphUser(user.getId(), reason, properties, managerDelta != null, managerOf(managerDelta));
    }

    /** {@code manager@delta}: a list with the new manager ({@code @removed} marks one that went), or empty. */
    private static String managerOf(Object managerDelta) {
        if (!(managerDelta instanceof UntypedArray list)) {
            return null;
        }
        for (UntypedNode node : list.getValue()) {
            if (!(node instanceof UntypedObject object)) {
                continue;
            }
            Map<String, UntypedNode> manager = object.getValue(); // a copy each time it is asked for
            if (!manager.containsKey("@removed") && manager.get("id") instanceof UntypedString id) {
                return id.getValue();
            }
        }
        return null;
    }

    private static void flattenExtensions(OnPremisesExtensionAttributes extensions, Map<String, Object> into) {
        for (int n = 0; n < EXTENSION_NAMES.length; n++) {
            Object value = extensions == null ? null : extensions.getBackingStore().get(EXTENSION_NAMES[n]);
            into.put(FLATTENED_NAMES[n], value == null ? null : value.toString());
        }
    }

    private static List<String> skuIds(List<AssignedLicense> licenses) {
        List<String> ids = new ArrayList<>();
        if (licenses != null) {
            for (AssignedLicense license : licenses) {
                UUID sku = license.getSkuId();
                if (sku != null) {
                    ids.add(sku.toString());
                }
            }
        }
        return ids;
    }
}
