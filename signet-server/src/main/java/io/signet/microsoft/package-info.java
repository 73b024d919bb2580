/**
 * The connection to an organisation's Microsoft 365 tenant: the admin-consent flow with the Microsoft
 * identity platform, the encrypted refresh token, access tokens for Microsoft Graph, the connection's
 * basic settings, and disconnecting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Microsoft 365 connection")
package io.signet.microsoft;
