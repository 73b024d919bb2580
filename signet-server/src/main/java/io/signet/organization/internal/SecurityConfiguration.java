package io.signet.organization.internal;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The REST API is stateless: every request carries HTTP Basic credentials (an admin's email and
 * password) or a personal API token as a bearer token. No cookie session means no CSRF exposure here.
 * The console's chain has a session and CSRF protection. Both password paths use one authentication
 * manager without a parent, so that each attempt reaches {@link SignInLimiter} exactly once; Spring
 * Security adds HSTS to every answer to a secure request.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${signet.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_OWNER > ROLE_ADMIN\nROLE_ADMIN > ROLE_EDITOR");
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiSecurity(HttpSecurity http, AdminPasswordAuthenticationProvider passwords,
            ApiTokenAuthenticationFilter apiTokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/organizations").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(passwords))
                .httpBasic(basic -> basic.realmName("Signet").authenticationEntryPoint(ProblemResponses::unauthorized))
                .addFilterBefore(apiTokens, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action.")));
        return http.build();
    }

    /**
     * Probes, the API documentation and signature images: public, stateless. The actuator, metrics included,
     * listens on the management port only ({@code management.server.port}); the public port has the
     * liveness and readiness probes {@code /livez} and {@code /readyz}.
     */
    @Bean
    @Order(50)
    SecurityFilterChain publicDocsAndProbes(HttpSecurity http) throws Exception {
        http.securityMatcher("/livez", "/readyz", "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus",
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        // Signature images: public by design, addressed by unguessable 128-bit tokens.
                        "/signature-assets/*")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The console: a session after signing in with the login form, CSRF-protected; its assets are public.
     */
    @Bean
    @Order(100)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AdminPasswordAuthenticationProvider passwords)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error", "/problems/**", "/console/**", "/webjars/**", "/favicon.ico",
                                "/login").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(passwords))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "form-action 'self' " + FORM_TARGETS + "; frame-ancestors 'none'")));
        return http.build();
    }

    /** Back to the form: "wrong email or password", or while locked how long to wait (the same for any account). */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String query = e instanceof SignInLockedException locked ? "locked=" + locked.retryAfterMinutes() : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    /** The console's "Connect" form posts to Signet, which redirects to Microsoft: any https authority. */
    private static final String FORM_TARGETS = "https: http://127.0.0.1:* http://localhost:*";
}
