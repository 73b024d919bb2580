package io.signet.microsoft;

/**
 * Where Microsoft-issued tokens for Signet come from: the identity platform's base URL (issuer
 * {@code {authorityUrl}/{tid}/v2.0}, keys at {@code {authorityUrl}/{tid}/discovery/v2.0/keys}) and Signet's Entra
 * app (client) id, which is the audience of tokens for Signet's own API.
 */
public record IdentityPlatform(String authorityUrl, String clientId) {
}
