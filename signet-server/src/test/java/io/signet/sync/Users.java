package io.signet.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds mirrored users for tests of the pure sync logic. */
public final class Users {

    private final Map<String, String> attributes = new HashMap<>();
    private String id = "u-" + System.nanoTime();
    private List<String> phones = List.of();
    private List<String> proxies = List.of();
    private List<String> licenses = List.of();
    private boolean enabled = true;
    private boolean guest;
    private String managerId;
    private boolean removed;

    public static Users user() {
        return new Users();
    }

    public Users id(String value) {
        id = value;
        return this;
    }

    public Users with(String attribute, String value) {
        attributes.put(attribute, value);
        return this;
    }

    public Users phones(String... values) {
        phones = List.of(values);
        return this;
    }

    public Users proxies(String... values) {
        proxies = List.of(values);
        return this;
    }

    public Users licenses(String... skuIds) {
        licenses = List.of(skuIds);
        return this;
    }

    public Users disabled() {
        enabled = false;
        return this;
    }

    public Users guest() {
        guest = true;
        return this;
    }

    public Users manager(String value) {
        managerId = value;
        return this;
    }

    public Users removed() {
        removed = true;
        return this;
    }

    public MirroredUser build() {
        return new MirroredUser(id, attributes, phones, proxies, licenses, enabled, guest, managerId, removed);
    }
}
