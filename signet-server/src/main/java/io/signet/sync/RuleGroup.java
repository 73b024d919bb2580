package io.signet.sync;

/**
 * A group that a rule names, as the last sync found it in Microsoft 365.
 *
 * @param name    its current name (the last known one when deleted); null when never seen
 * @param deleted Microsoft 365 no longer has it: rules naming it match nobody
 */
public record RuleGroup(String id, String name, boolean deleted) {

    /** The mark after the name of a group Microsoft 365 no longer has. */
    public static final String DELETED = " (deleted in Microsoft 365)";

    /** What to show for the group: its name, marked when it was deleted in Microsoft 365. */
    public String label(String nameInRule) {
        String shown = name != null ? name : nameInRule != null ? nameInRule : id;
        return deleted ? shown + DELETED : shown;
    }

    /** The label of a group a rule names: from what the last sync found, else the name stored in the rule, else the id. */
    public static String label(java.util.Map<String, RuleGroup> known, String groupId, String nameInRule) {
        RuleGroup group = known.get(groupId);
        return group != null ? group.label(nameInRule) : nameInRule != null ? nameInRule : groupId;
    }
}
