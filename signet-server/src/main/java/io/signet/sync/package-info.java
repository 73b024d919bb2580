/**
 * The one-way sync from Microsoft 365: the mirror of the tenant's users, import rules, department
 * assignment, the data mapping, the pure planner, and (to come) the applier, runs and schedule.
 * Data flows fetch -> mirror -> plan -> apply; the sub-packages follow that order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Microsoft 365 sync")
package io.signet.sync;
