package io.signet.organization.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The REST API is stateless: every request carries HTTP Basic credentials (an admin's email and
 * password) or a personal API token as a bearer token. No cookie session means no CSRF exposure here.
 * The console's chain has a session and CSRF protection, and signs admins in with the form or, when Microsoft 365
 * is configured, with Microsoft (OpenID Connect, {@link MicrosoftAdminUserService}). Both password paths use one authentication
 * manager without a parent, so that each attempt reaches {@link SignInLimiter} exactly once (Microsoft sign-ins are
 * not counted); Spring
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
    SecurityFilterChain consoleSecurity(HttpSecurity http, AdminPasswordAuthenticationProvider passwords,
            ObjectProvider<ClientRegistrationRepository> microsoft,
            ObjectProvider<JwtDecoderFactory<ClientRegistration>> microsoftIdTokens, MicrosoftAdminUserService microsoftAdmins)
            throws Exception {
        ClientRegistrationRepository registrations = microsoft.getIfAvailable();
        ProviderManager signIns = new ProviderManager(passwords);
        if (registrations != null) {
            // The id token's checks (signature, issuer of its tenant, audience) come from the Microsoft module.
            OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), microsoftAdmins);
            oidc.setJwtDecoderFactory(microsoftIdTokens.getObject());
            signIns = new ProviderManager(passwords, oidc);
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error", "/problems/**", "/console/**", "/webjars/**", "/favicon.ico",
                                "/login", "/login/oauth2/**", "/oauth2/authorization/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(signIns)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "form-action 'self' " + FORM_TARGETS + "; frame-ancestors 'none'")));
        if (registrations != null) {
            http.oauth2Login(login -> login.loginPage("/login").clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(microsoftAdmins))
                    .successHandler(SecurityConfiguration::signedInWithMicrosoft)
                    .failureHandler(SecurityConfiguration::microsoftSignInFailed));
        }
        return http.build();
    }

    /** Back to the form: "wrong email or password", or while locked how long to wait (the same for any account). */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String query = e instanceof SignInLockedException locked ? "locked=" + locked.retryAfterMinutes() : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    /**
     * Signed in with Microsoft: the session's principal becomes the admin ({@code CurrentAdmin}), exactly as after
     * the password form; the id token and Microsoft's access token are not kept in it.
     */
    private static void signedInWithMicrosoft(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        Admin admin = ((MicrosoftAdminUserService.AdminOidcUser) authentication.getPrincipal()).admin();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AdminPasswordAuthenticationProvider.authenticated(admin));
        SecurityContextHolder.setContext(context);
        SESSION_CONTEXTS.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }

    /**
     * Back to the form: "not a Signet admin" for a verified account without a link, "groups unavailable" when
     * Microsoft Graph could not say whether the user is in an admin group, else that it failed.
     */
    private static void microsoftSignInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        boolean notAnAdmin = MicrosoftAdminUserService.NOT_AN_ADMIN.equals(code);
        boolean groupsUnavailable = MicrosoftAdminUserService.GROUPS_UNAVAILABLE.equals(code);
        if (!notAnAdmin) {
            log.info("Sign in with Microsoft failed: {}", e.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login?microsoft="
                + (notAnAdmin ? "not-an-admin" : groupsUnavailable ? "groups-unavailable" : "failed"));
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final HttpSessionSecurityContextRepository SESSION_CONTEXTS = new HttpSessionSecurityContextRepository();

    /** The console's "Connect" form posts to Signet, which redirects to Microsoft: any https authority. */
    private static final String FORM_TARGETS = "https: http://127.0.0.1:* http://localhost:*";
}
