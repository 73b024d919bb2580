package io.signet.organization.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks an admin's email and password; the principal of the result is a {@code CurrentAdmin}. */
@Component
class AdminPasswordAuthenticationProvider implements AuthenticationProvider {

    private final AdminRepository admins;
    private final PasswordEncoder passwordEncoder;
    /** Compared against when the email is unknown, so that a wrong email costs as long as a wrong password. */
    private final String decoyHash;

    AdminPasswordAuthenticationProvider(AdminRepository admins, PasswordEncoder passwordEncoder) {
        this.admins = admins;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-emails");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Optional<Admin> admin = admins.findByEmail(email);
        boolean matches = passwordEncoder.matches(password, admin.map(Admin::passwordHash).orElse(decoyHash));
        if (admin.isEmpty() || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return authenticated(admin.get());
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
