/**
 * Organisations (Signet's tenants) with their plan and seat count, the admins who manage them, their
 * personal API tokens, and how a request is authenticated as one of those admins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and admins")
package io.signet.organization;
