/**
 * Self-service: the fields of their own profile that employees may edit (from the Outlook add-in's task pane, see
 * the delivery module's {@code /api/v1/me/details}), edits waiting for an admin's approval, and who set each value.
 * A value an employee set has the source {@code self-service} and wins over Microsoft 365 until an admin resets it.
 * The console uses {@link io.signet.selfservice.SelfServiceFields}, {@link io.signet.selfservice.DetailRequests} and
 * {@link io.signet.selfservice.SelfServiceValues}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service (employees' own details)")
package io.signet.selfservice;
