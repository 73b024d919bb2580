/**
 * Delivery: Signet's Outlook add-in (its files, its manifests for this deployment) and the add-in's API,
 * {@code GET /api/v1/me/signature}, which identifies the employee by a Microsoft-issued token and answers their
 * rendered signature. Nothing here is used by other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery (Outlook add-in)")
package io.signet.delivery;
