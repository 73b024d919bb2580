package io.signet.organization.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed password sign-ins Signet tolerates ({@code signet.security.sign-in.*}): per account and per
 * client address, counted within a window that opens with the first failure, then a lockout.
 */
@ConfigurationProperties("signet.security.sign-in")
record SignInLimits(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration window,
        Duration lockout) {

    SignInLimits {
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
