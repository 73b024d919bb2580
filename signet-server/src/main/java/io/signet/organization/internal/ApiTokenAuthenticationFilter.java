package io.signet.organization.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Authenticates {@code Authorization: Bearer sgt_...} with a personal API token. */
@Component
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenAuthenticationFilter(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The Outlook add-in's API ({@code /api/v1/me/**}, delivery module) takes Microsoft tokens, not API tokens. As a
     * {@code @Component} this filter also runs outside the security chain, so it must step aside there.
     */
    @Override
    protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/me/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        Optional<Admin> admin = ApiTokenSecrets.looksLikeToken(secret)
                ? tokens.findAdminByTokenHash(ApiTokenSecrets.hash(secret))
                : Optional.empty();
        if (admin.isEmpty()) {
            ProblemResponses.unauthorized(request, response, new BadCredentialsException("Unknown API token"));
            return;
        }
        tokens.touch(ApiTokenSecrets.hash(secret), clock.instant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AdminPasswordAuthenticationProvider.authenticated(admin.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
