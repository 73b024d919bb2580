package io.signet.delivery.internal;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The add-in's and the desktop agent's own security chain, ahead of the admin API's: the add-in's files and
 * manifests and the agent's downloads are public; the employee API ({@code /api/v1/me/**}) takes no admin credentials and no session, and checks the Microsoft token itself. CORS
 * lets only the add-in's own origin (the public base URL's) call that API. Outlook on the web shows the task pane
 * in a frame, so the add-in's pages may be framed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AddinProperties.class)
class DeliveryConfiguration {

    /**
     * The add-in's and the desktop agent's paths. {@code /downloads/**} (the agent's jar and guide) is public on
     * purpose: the jar holds no secret, and an organisation's IT fetches it for deployment without a console session;
     * so is the agent's sign-in configuration, which the agent reads before anyone is signed in.
     */
    static final String[] ADDIN_PATHS = { "/api/v1/me/**", "/addin/**", "/.well-known/microsoft-officeaddins-allowed.json",
            "/downloads/**", "/api/v1/agent/configuration" };

    @Bean
    @Order(5)
    SecurityFilterChain addinSecurity(HttpSecurity http, AddinSite site) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(site.origin()));
        // The event script reports deliveries (POST) from Outlook's own origin in classic Outlook and on mobile;
        // the task pane saves the employee's own details (POST preview, PUT /api/v1/me/details).
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.IF_NONE_MATCH, HttpHeaders.CONTENT_TYPE));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/api/v1/me/**", cors);
        http.securityMatcher(ADDIN_PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(corsSource))
                .headers(headers -> headers.frameOptions(frame -> frame.disable()));
        return http.build();
    }
}
