package io.signet.microsoft.internal;

import java.io.IOException;
import java.net.URI;

import org.springframework.stereotype.Component;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;

import io.signet.microsoft.Permission;

/**
 * The Microsoft identity platform v2.0 endpoints Signet uses: the authorize URL (code flow with PKCE,
 * {@code prompt=consent}) and the token endpoint (code redemption and refresh). Knows nothing of
 * organisations or storage.
 */
@Component
public class IdentityPlatformClient {

    /** Tokens from one token-endpoint answer. {@code idToken} is null on refreshes that carry none. */
    public record TokenSet(String accessToken, long expiresInSeconds, String refreshToken, String idToken,
            String scope) {

        @Override
        public String toString() {
            return "TokenSet[scope=" + scope + ", expiresIn=" + expiresInSeconds + "]";
        }
    }

    /** The token endpoint said no, e.g. {@code invalid_grant} with an AADSTS description. */
    public static class TokenRefusedException extends RuntimeException {
        private final String error;

        TokenRefusedException(String error, String description) {
            super(firstLine(description == null ? error : description));
            this.error = error;
        }

        public String error() {
            return error;
        }

        private static String firstLine(String text) {
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).trim();
        }
    }

    /** The identity platform could not be reached or answered garbage; retry later, nothing is wrong with the grant. */
    public static class IdentityPlatformUnavailableException extends RuntimeException {
        IdentityPlatformUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int TIMEOUT_MILLIS = 15_000;

    private final Microsoft365Endpoints endpoints;

    IdentityPlatformClient(Microsoft365Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public URI authorizationUrl(String state, CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(endpoints.clientId()))
                .endpointURI(URI.create(endpoints.authorityUrl() + "/" + endpoints.tenant() + "/oauth2/v2.0/authorize"))
                .redirectionURI(URI.create(endpoints.redirectUri()))
                .responseMode(ResponseMode.QUERY)
                .scope(Scope.parse(Permission.scopeParameter()))
                .state(new State(state))
                .prompt(new Prompt(Prompt.Type.CONSENT))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    public TokenSet redeemCode(String code, CodeVerifier verifier) {
        return request(endpoints.tenant(), new AuthorizationCodeGrant(new AuthorizationCode(code),
                URI.create(endpoints.redirectUri()), verifier));
    }

    /** Refresh tokens rotate: the answer's refresh token replaces the one sent. */
    public TokenSet refresh(String tenantId, String refreshToken) {
        return request(tenantId, new RefreshTokenGrant(new RefreshToken(refreshToken)));
    }

    private TokenSet request(String tenant, AuthorizationGrant grant) {
        URI tokenEndpoint = URI.create(endpoints.authorityUrl() + "/" + tenant + "/oauth2/v2.0/token");
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretPost(new ClientID(endpoints.clientId()), new Secret(endpoints.clientSecret())), grant,
                Scope.parse(Permission.scopeParameter()));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        TokenResponse response;
        try {
            HTTPResponse answer = http.send();
            if (answer.getStatusCode() >= 500) {
                throw new IdentityPlatformUnavailableException(
                        "The identity platform answered HTTP " + answer.getStatusCode(), null);
            }
            response = OIDCTokenResponseParser.parse(answer);
        } catch (IOException e) {
            throw new IdentityPlatformUnavailableException("The identity platform could not be reached", e);
        } catch (ParseException e) {
            throw new IdentityPlatformUnavailableException("The identity platform's answer could not be read", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new TokenRefusedException(error.getCode(), error.getDescription());
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        String idToken = response instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null
                ? oidc.getOIDCTokens().getIDTokenString() : null;
        return new TokenSet(tokens.getAccessToken().getValue(), tokens.getAccessToken().getLifetime(),
                tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(), idToken,
                tokens.getAccessToken().getScope() == null ? "" : tokens.getAccessToken().getScope().toString());
    }
}
