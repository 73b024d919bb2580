/**
 * Delivery: Signet's Outlook add-in (its files, its manifests for this deployment), the employee API the add-in and
 * the desktop agent call with a Microsoft-issued token ({@code GET /api/v1/me/signature} with its {@code from},
 * {@code /me/signatures}, {@code POST /me/agent-check-ins}, {@code POST /me/deliveries}), the organisation's shared
 * mailboxes, the agent's downloads, its settings and the delivery report. The console uses the public API:
 * {@link io.signet.delivery.DeliveryReports}, {@link io.signet.delivery.AgentCheckIns},
 * {@link io.signet.delivery.AgentSettingsService}, {@link io.signet.delivery.AgentDownloads},
 * {@link io.signet.delivery.SharedMailboxes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery (Outlook add-in, desktop agent)")
package io.signet.delivery;
