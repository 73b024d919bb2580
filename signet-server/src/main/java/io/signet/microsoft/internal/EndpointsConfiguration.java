package io.signet.microsoft.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where Signet talks to Microsoft: the configured app, or the in-process demo tenant. */
@Configuration(proxyBeanMethods = false)
class EndpointsConfiguration {

    @Bean
    Microsoft365Endpoints microsoft365Endpoints(Microsoft365Properties properties,
            @Value("${signet.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        String redirectUri = Microsoft365Properties.blank(properties.redirectUri())
                ? base + "/microsoft365/callback" : properties.redirectUri();
        if (properties.demo()) {
            return DemoTenant.start(redirectUri, base + "/login/oauth2/code/" + MicrosoftSignInConfiguration.REGISTRATION_ID);
        }
        if (Microsoft365Properties.blank(properties.clientId()) || Microsoft365Properties.blank(properties.clientSecret())) {
            throw new IllegalStateException("Demo mode is off, so signet.microsoft.client-id and client-secret "
                    + "(SIGNET_MICROSOFT_CLIENT_ID / SIGNET_MICROSOFT_CLIENT_SECRET) must be set: see docs/microsoft365.md");
        }
        return new ConfiguredEndpoints(properties, redirectUri);
    }
}
