package io.signet.sync.generative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.signet.m365sim.SimUser;
import io.signet.sync.generative.SignetOrg.Employee;
import tools.jackson.databind.JsonNode;

/**
 * The suite's properties, each a check that throws an {@link AssertionError} naming the property, the user and
 * the run's own words, so that a shrunk counterexample reads as a bug report.
 */
final class SyncChecks {

    /** SQL, Java class names and stack frames: internal text an admin must never read in a run. */
    static final Pattern INTERNAL = Pattern.compile("SELECT |INSERT |UPDATE |(?i:constraint|violat|SQLState|JdbcSQL)"
            + "|java\\.|org\\.|io\\.signet\\.|Exception|at [^\\n]*\\([^)]*\\.java:");

    private static final Set<String> IMPORTING = Set.of("create", "update", "link", "reactivate");

    private SyncChecks() {
    }

    /** Property 1: a full round over a tenant that did not change plans nothing but unchanged and skip. */
    static void plansNothing(JsonNode fullRun, List<JsonNode> changes) {
        fullRun.get("counts").properties().forEach(count -> {
            if (count.getValue().asInt() > 0 && !Set.of("unchanged", "skip").contains(count.getKey())) {
                throw new AssertionError("Property 1: a full round over an unchanged tenant planned " + count.getKey()
                        + " x" + count.getValue().asInt() + "; counts " + fullRun.get("counts") + "; changes "
                        + changes.stream().filter(c -> !c.get("action").asString().equals("skip")).toList());
            }
        });
    }

    /** Property 5: no run failed, and nothing it says is internal text. */
    static void speaksPlainly(JsonNode run, List<JsonNode> changes) {
        if ("failed".equals(run.get("status").asString())) {
            throw new AssertionError("Property 5: the run failed: " + run);
        }
        for (String field : List.of("note", "error")) {
            JsonNode text = run.get(field);
            if (text != null && !text.isNull() && INTERNAL.matcher(text.asString()).find()) {
                throw new AssertionError("Property 5: the run's " + field + " holds internal text: " + text.asString());
            }
        }
        for (JsonNode change : changes) {
            JsonNode reason = change.get("reason");
            if (reason != null && !reason.isNull() && INTERNAL.matcher(reason.asString()).find()) {
                throw new AssertionError("Property 5: a change's reason holds internal text: " + change);
            }
            if (change.get("action").asString().equals("failed")) {
                throw new AssertionError("Property 5: a user failed (a value must never fail a user): " + change);
            }
        }
    }

    /** Property 3: no user both imported and skipped in a run; no email held by two employees. */
    static void noUserTwice(List<JsonNode> changes, List<Employee> employees) {
        Set<String> importedUsers = new HashSet<>();
        Set<String> skipped = new HashSet<>();
        for (JsonNode change : changes) {
            JsonNode user = change.get("userId");
            if (user == null || user.isNull()) {
                continue;
            }
            String action = change.get("action").asString();
            (IMPORTING.contains(action) ? importedUsers : action.equals("skip") ? skipped : new HashSet<String>())
                    .add(user.asString());
        }
        importedUsers.retainAll(skipped);
        if (!importedUsers.isEmpty()) {
            throw new AssertionError("Property 3: users both imported and skipped in one run: " + importedUsers
                    + "; changes " + changes);
        }
        Map<String, Employee> byEmail = new HashMap<>();
        for (Employee e : employees) {
            Employee other = byEmail.put(ExpectedEmployees.lower(e.text("email")), e);
            if (other != null) {
                throw new AssertionError("Property 3: two employees hold " + e.text("email") + ": " + e.row() + " and "
                        + other.row());
            }
        }
    }

    /**
     * Property 2: every user to import is an active employee with the normalised values (a value over its limit
     * left empty, and said in the change that created or linked it); no other user has an active employee.
     */
    static void storesWhatTheContractSays(ExpectedEmployees expected, List<Employee> employees, List<JsonNode> changes,
            boolean withManualEmployees) {
        Map<String, Employee> byUser = new HashMap<>();
        employees.stream().filter(e -> e.userId() != null).forEach(e -> byUser.put(e.userId(), e));
        for (String id : expected.imported()) {
            SimUser u = expected.user(id);
            Employee e = byUser.get(id);
            if (e == null || !e.active()) {
                throw new AssertionError("Property 2: user " + describe(u) + " must be an active employee, but is "
                        + (e == null ? "none" : e.row()) + "; this round's changes for it: " + changesOf(changes, id)
                        + "; the employees: " + employees.stream().map(Employee::row).toList()
                        + "; all of this round's changes: " + changes);
            }
            String email = ExpectedEmployees.lower(e.text("email"));
            boolean emailOk = withManualEmployees ? ExpectedEmployees.addresses(u).contains(email)
                    : email.equals(ExpectedEmployees.lower(ExpectedEmployees.primary(u)));
            if (!emailOk) {
                throw new AssertionError("Property 2: user " + describe(u) + " has the employee email " + e.text("email"));
            }
            expected.storedValues(u).forEach((column, value) -> {
                String actual = e.text(column);
                boolean same = column.equals("department_name") ? (value == null ? actual == null : value.equalsIgnoreCase(actual))
                        : java.util.Objects.equals(value, actual);
                if (!same) {
                    throw new AssertionError("Property 2: user " + describe(u) + ": " + column + " is " + show(actual)
                            + " but the contract stores " + show(value) + "; this round's changes for it: "
                            + changesOf(changes, id));
                }
            });
            for (JsonNode change : changesOf(changes, id)) {
                if (Set.of("create", "link").contains(change.get("action").asString())) {
                    expected.refusals(u).forEach((field, limit) -> {
                        String reason = change.get("reason") == null ? "" : change.get("reason").asString();
                        if (!reason.contains(String.valueOf(limit)) || !reason.toLowerCase().contains(field.toLowerCase())
                                && !reason.toLowerCase().contains(field.replace("custom.", "").toLowerCase())) {
                            throw new AssertionError("Property 2: the " + field + " of " + describe(u) + " is over "
                                    + limit + " but the change does not say so: " + change);
                        }
                    });
                }
            }
        }
        for (Employee e : employees) {
            if (e.active() && e.userId() != null && !expected.imported().contains(e.userId())) {
                SimUser u = expected.user(e.userId());
                throw new AssertionError("Property 2: employee " + e.text("email") + " is active for "
                        + (u == null ? "a deleted user " + e.userId() : describe(u) + (expected.isAmbiguous(u.id())
                                ? " whose primary address is ambiguous" : " who must not be imported"))
                        + "; this round's changes for it: " + changesOf(changes, e.userId()));
            }
        }
    }

    /** Property 4: the same active Microsoft 365 employees, per user id, whatever the history. */
    static void sameEmployees(List<Employee> incremental, List<Employee> fresh) {
        Map<String, Map<String, String>> a = comparable(incremental);
        Map<String, Map<String, String>> b = comparable(fresh);
        if (!a.equals(b)) {
            Set<String> ids = new HashSet<>(a.keySet());
            ids.addAll(b.keySet());
            List<String> differences = new ArrayList<>();
            for (String id : ids) {
                if (!java.util.Objects.equals(a.get(id), b.get(id))) {
                    differences.add(id + ": incremental " + a.get(id) + " vs one full sync " + b.get(id));
                }
            }
            throw new AssertionError("Property 4: incremental and full differ: " + differences);
        }
    }

    private static Map<String, Map<String, String>> comparable(List<Employee> employees) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Employee e : employees) {
            if (e.active() && e.userId() != null) {
                Map<String, String> values = new HashMap<>();
                values.put("email", ExpectedEmployees.lower(e.text("email")));
                values.put("department", ExpectedEmployees.lower(e.text("department_name")));
                values.put("custom.costCenter", e.text("custom.costCenter"));
                for (SyncedAttributes.Attribute attribute : SyncedAttributes.ALL) {
                    if (attribute.column() != null) {
                        values.put(attribute.column(), e.text(attribute.column()));
                    }
                }
                values.put("manager_name", e.text("manager_name"));
                out.put(e.userId(), values);
            }
        }
        return out;
    }

    static List<JsonNode> changesOf(List<JsonNode> changes, String userId) {
        return changes.stream().filter(c -> c.get("userId") != null && userId.equals(c.get("userId").asString())).toList();
    }

    static String describe(SimUser u) {
        return u.id() + " (upn " + u.userPrincipalName() + ", mail " + u.text("mail") + ")";
    }

    private static String show(String value) {
        return value == null ? "empty" : "\"" + value.replace("\n", "\\n").replace("\t", "\\t") + "\" (" + value.length() + ")";
    }
}
