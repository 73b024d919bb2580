/**
 * The audit log: every change an admin makes through the REST API or the console, who made it, when, from
 * which client address, and the request's values with secrets masked, in an append-only table. Recorded by a
 * servlet filter, so a new write endpoint is audited without touching this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package io.signet.audit;
