package io.signet.sync.plan;

import java.time.Duration;

import io.signet.sync.mapping.DataMapping;
import io.signet.sync.rules.DepartmentAssignment;
import io.signet.sync.rules.ImportRules;

/**
 * Everything the organisation decided that the planner applies: rules, mapping and the lifecycle policies.
 * {@code deleteGracePeriod} is how long an employee whose user went away stays deactivated before a
 * {@link Lifecycle#DELETE} policy deletes it.
 */
public record PlanSettings(ImportRules importRules, DepartmentAssignment departments, DataMapping mapping,
        boolean overwriteManualData, Lifecycle removedUsers, Lifecycle disabledUsers, Lifecycle unmatchedUsers,
        Duration deleteGracePeriod, boolean organisationPaused) {

    /** What happens to an employee whose user was removed, disabled or no longer matches the rules. */
    public enum Lifecycle {
        DEACTIVATE, DELETE, KEEP
    }
}
