/**
 * The one-way sync from Microsoft 365: the mirror of the tenant's users, import rules, department
 * assignment, the data mapping, the pure planner, the applier, runs and the schedule; photos for a mapping that uses them.
 * Data flows fetch -> mirror -> plan -> apply; the sub-packages follow that order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Microsoft 365 sync")
package io.signet.sync;
