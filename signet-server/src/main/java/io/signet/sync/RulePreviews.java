package io.signet.sync;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.sync.internal.mirror.RuleGroupRepository;
import io.signet.sync.internal.preview.MirrorPreviewer;
import io.signet.sync.mapping.DataMapping;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;

/**
 * Previews of rules and mapping computed from the mirror (the last-seen users of the tenant), never from
 * Microsoft 365: the console shows them while an admin edits, before anything is saved.
 */
@Service
public class RulePreviews {

    private final MirrorPreviewer previewer;
    private final RuleGroupRepository ruleGroups;

    RulePreviews(MirrorPreviewer previewer, RuleGroupRepository ruleGroups) {
        this.previewer = previewer;
        this.ruleGroups = ruleGroups;
    }

    /** The groups rules name, as the last sync found them (current name, or deleted in Microsoft 365), by id. */
    public Map<String, RuleGroup> ruleGroups(UUID orgId) {
        return ruleGroups.all(orgId);
    }

    /** Attributes of a Microsoft 365 user that rules and the mapping may name (Graph names). */
    public List<String> attributes() {
        return io.signet.sync.internal.config.GraphAttributes.selectable();
    }

    /** Attributes of the user's manager that the mapping may use. */
    public List<String> managerAttributes() {
        return List.of("displayName", "mail", "businessPhones", "mobilePhone", "jobTitle");
    }

    /** What these (unsaved) rules would import, with {@code sampleSize} users per rule and overall. */
    public RulePreview preview(UUID orgId, ImportRules rules, DepartmentAssignment departments, int sampleSize) {
        return previewer.preview(orgId, rules, departments, sampleSize);
    }

    /** Mirrored users (not removed) whose name or address contains {@code text}, by display name; at most {@code limit}. */
    public List<MirroredUser> findUsers(UUID orgId, String text, int limit) {
        return previewer.findUsers(orgId, text, limit);
    }

    /** The values {@code mapping} gives one mirrored user's fields (null: empty in Microsoft 365). */
    public Map<String, String> mappedValues(UUID orgId, String userId, DataMapping mapping) {
        return previewer.mappedValues(orgId, userId, mapping);
    }
}
