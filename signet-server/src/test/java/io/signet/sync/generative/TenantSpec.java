package io.signet.sync.generative;

import java.util.List;
import java.util.Map;

/**
 * A generated tenant and its history, as plain data (what jqwik shows and shrinks): the users and groups it
 * starts with, the import rule, manual employees typed into Signet first, and the rounds of changes.
 * Users, groups and address slots are referred to by index (taken modulo what exists), so any shrunk list
 * still makes a valid tenant.
 */
record TenantSpec(List<UserSpec> users, int groups, List<Nest> nesting, int rule, List<Address> manualEmployees,
        List<List<Change>> rounds) {

    /** No import rule, "exclude members of group 0", "include members of group 0" (guests too). */
    static final int NO_RULE = 0;
    static final int EXCLUDE_GROUP0 = 1;
    static final int INCLUDE_GROUP0 = 2;

    /** An address of the shared pool ({@code slot}: ana, bo, ...) written in one of three cases. */
    record Address(int slot, int casing) {
        @Override
        public String toString() {
            return "slot" + slot + "/case" + casing;
        }
    }

    /** A Graph attribute's state: absent from the object, null, "" or a text. */
    record Value(Kind kind, String text) {
        enum Kind { ABSENT, NULL, EMPTY, TEXT }

        static Value of(String text) {
            return new Value(Kind.TEXT, text);
        }

        @Override
        public String toString() {
            return kind == Kind.TEXT ? "\"" + readable(text) + "\" (" + text.length() + ")" : kind.name();
        }

        /** Java-escaped controls and runs of one character shortened to {@code x{120}}, so reports stay readable. */
        static String readable(String text) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                int run = 1;
                while (i + (run + 1) * n <= text.length() && text.codePointAt(i + run * n) == cp) {
                    run++;
                }
                out.append(Character.isISOControl(cp) ? String.format("\\u%04X", cp) : new String(Character.toChars(cp)));
                if (run > 3) {
                    out.append('{').append(run).append('}');
                } else {
                    i += n;
                    continue;
                }
                i += run * n;
            }
            return out.toString();
        }
    }

    /**
     * A user: its UPN is the pool address {@code upn} when free (else a unique one), {@code mail} may be null;
     * proxies are extra smtp: addresses; {@code groups} and {@code manager} are indexes (-1: none).
     */
    record UserSpec(Address upn, Address mail, boolean enabled, boolean guest, List<Address> proxies,
            List<Integer> groups, int manager, Map<String, Value> values) {
    }

    /** One change between two syncs. */
    sealed interface Change {
    }

    record Edit(int user, String attribute, Value value) implements Change {
    }

    record SetMail(int user, Address mail) implements Change {
    }

    record Delete(int user, boolean permanently) implements Change {
    }

    /** A new user who gets the primary address of a deleted one, in another case. */
    record Recreate(int deleted, int casing, UserSpec fresh) implements Change {
    }

    record Add(UserSpec user) implements Change {
    }

    record Enable(int user, boolean enabled) implements Change {
    }

    /** Leaves every group and joins {@code group} (-1: none). */
    record Move(int user, int group) implements Change {
    }

    record Manager(int user, int manager) implements Change {
    }

    /** Group {@code inner} becomes a member of {@code outer}: cycles allowed. */
    record Nest(int outer, int inner) implements Change {
    }
}
