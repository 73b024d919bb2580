package io.signet.organization.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an admin's email and password; the principal of the result is a {@code CurrentAdmin}. Both password
 * paths (HTTP Basic and the console's form) come here, so {@link SignInLimiter} sees every attempt.
 */
@Component
class AdminPasswordAuthenticationProvider implements AuthenticationProvider {

    private final AdminRepository admins;
    private final PasswordEncoder passwordEncoder;
    private final SignInLimiter limiter;
    /** Compared against when the email is unknown, so that a wrong email costs as long as a wrong password. */
    private final String decoyHash;

    AdminPasswordAuthenticationProvider(AdminRepository admins, PasswordEncoder passwordEncoder,
            SignInLimiter limiter) {
        this.admins = admins;
        this.passwordEncoder = passwordEncoder;
        this.limiter = limiter;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-emails");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = clientAddress(authentication);
        limiter.check(email, address);
        // An admin without a password signs in with Microsoft only: compared like an unknown email, refused alike.
        Optional<Admin> admin = admins.findByEmail(email).filter(a -> a.passwordHash() != null);
        boolean matches = passwordEncoder.matches(password, admin.map(Admin::passwordHash).orElse(decoyHash));
        if (admin.isEmpty() || !matches) {
            limiter.failed(email, address);
            throw new BadCredentialsException("Bad credentials");
        }
        limiter.succeeded(email);
        return authenticated(admin.get());
    }

    /** The request's remote address, which is the client's behind a proxy once forwarded headers are trusted. */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    static UsernamePasswordAuthenticationToken authenticated(Admin admin) {
        return UsernamePasswordAuthenticationToken.authenticated(admin.asCurrentAdmin(), null,
                List.of(new SimpleGrantedAuthority(admin.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
