package io.signet.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link PersistenceTest} of Signet behind a trusted reverse proxy: forwarded headers are honoured, so a
 * test chooses its client address ({@code X-Forwarded-For}) and HTTPS ({@code X-Forwarded-Proto}). Sign-in
 * limits are low (3 failures per account, 6 per address) and time is a {@link MutableClock}. The classes
 * that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("persistence")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, TestOrganizations.class, MutableClock.class})
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "signet.security.sign-in.max-failures-per-account=3", "signet.security.sign-in.max-failures-per-address=6",
        "signet.security.sign-in.window=PT15M", "signet.security.sign-in.lockout=PT15M"})
public @interface BehindProxyTest {
}
