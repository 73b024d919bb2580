package io.signet.microsoft.internal;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * "Sign in with Microsoft" for console admins: the OpenID Connect registration {@code microsoft} with Signet's Entra
 * app at the configured authority ({@code organizations} by default; the demo tenant in demo mode), and how its id
 * tokens are checked. Spring Security's own issuer check compares {@code iss} with one fixed issuer, which a
 * multi-tenant app cannot have: Entra's issuer is {@code {authority}/{tid}/v2.0} for each tenant. So the
 * registration names no issuer and {@link #tenantIssuer} requires {@code iss} to be exactly the configured authority
 * followed by the token's own {@code tid}. Which admin the token signs in is decided by the organisation module.
 */
@Configuration(proxyBeanMethods = false)
class MicrosoftSignInConfiguration {

    static final String REGISTRATION_ID = "microsoft";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Bean
    ClientRegistrationRepository microsoftSignIn(Microsoft365Endpoints endpoints) {
        String authority = endpoints.authorityUrl() + "/" + endpoints.tenant();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Microsoft")
                .clientId(endpoints.clientId())
                .clientSecret(endpoints.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // Register {public base URL}/login/oauth2/code/microsoft on the Entra app (docs/microsoft365.md).
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(authority + "/oauth2/v2.0/authorize")
                .tokenUri(authority + "/oauth2/v2.0/token")
                .jwkSetUri(authority + "/discovery/v2.0/keys")
                .userNameAttributeName("oid")
                .build());
    }

    @Bean
    JwtDecoderFactory<ClientRegistration> microsoftIdTokenDecoders(Microsoft365Endpoints endpoints) {
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwtValidatorFactory(registration -> new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new OidcIdTokenValidator(registration),
                tenantIssuer(endpoints.authorityUrl(), endpoints.tenant())));
        return decoders;
    }

    /**
     * {@code iss} must be {@code {authority}/{tid}/v2.0} for the token's own {@code tid}, a tenant id; with a
     * single tenant configured instead of {@code organizations} or {@code common}, {@code tid} must also be that one.
     */
    static OAuth2TokenValidator<Jwt> tenantIssuer(String authorityUrl, String configuredTenant) {
        return jwt -> {
            String tid = jwt.getClaimAsString("tid");
            boolean valid = tid != null && GUID.matcher(tid).matches()
                    && (authorityUrl + "/" + tid + "/v2.0").equals(jwt.getClaimAsString("iss"))
                    && (!GUID.matcher(configuredTenant).matches() || configuredTenant.equalsIgnoreCase(tid));
            return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_id_token", "The id token's issuer is not " + authorityUrl + "/{its tid}/v2.0", null));
        };
    }
}
