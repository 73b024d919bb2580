package io.signet.sync.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The employees a batch of users may concern, found by linked object id or (for unlinked ones) by email. */
public final class EmployeeIndex {

    private final Map<String, EmployeeSnapshot> byObjectId = new HashMap<>();
    private final Map<String, EmployeeSnapshot> unlinkedByEmail = new HashMap<>();

    public EmployeeIndex(Collection<EmployeeSnapshot> employees) {
        for (EmployeeSnapshot employee : employees) {
            if (employee.linked()) {
                byObjectId.put(employee.m365ObjectId(), employee);
            } else {
                unlinkedByEmail.put(employee.email().toLowerCase(Locale.ROOT), employee);
            }
        }
    }

    public Optional<EmployeeSnapshot> linkedTo(String userId) {
        return Optional.ofNullable(byObjectId.get(userId));
    }

    /** Records that a batch links this manual employee, so a second user with the same address cannot. */
    void claim(EmployeeSnapshot employee) {
        unlinkedByEmail.values().removeIf(e -> e.id().equals(employee.id()));
    }

    /** A manual employee carrying one of the user's addresses (primary, UPN, proxy), lower-cased. */
    public Optional<EmployeeSnapshot> unlinkedWithEmail(List<String> emails) {
        return emails.stream().map(unlinkedByEmail::get).filter(java.util.Objects::nonNull).findFirst();
    }
}
