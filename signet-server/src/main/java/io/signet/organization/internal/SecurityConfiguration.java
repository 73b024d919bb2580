package io.signet.organization.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The REST API is stateless: every request carries HTTP Basic credentials (an admin's email and
 * password) or a personal API token as a bearer token. No cookie session means no CSRF exposure here;
 * the console's own chain (with sessions and CSRF) comes with the console module.
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
                .authenticationProvider(passwords)
                .httpBasic(basic -> basic.realmName("Signet").authenticationEntryPoint(ProblemResponses::unauthorized))
                .addFilterBefore(apiTokens, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action.")));
        return http.build();
    }

    /** Health, metrics and API docs; everything else not claimed by another chain needs an admin. */
    @Bean
    @Order(100)
    SecurityFilterChain defaultSecurity(HttpSecurity http, AdminPasswordAuthenticationProvider passwords)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                                "/swagger-ui.html", "/error", "/problems/**").permitAll()
                        // Signature images: public by design, addressed by unguessable 128-bit tokens.
                        .requestMatchers(HttpMethod.GET, "/signature-assets/*").permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(passwords)
                .httpBasic(basic -> basic.realmName("Signet").authenticationEntryPoint(ProblemResponses::unauthorized));
        return http.build();
    }
}
