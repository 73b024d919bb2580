package io.signet.organization.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Locks password sign-ins (HTTP Basic on the API and the console's form, never API tokens) after too many
 * failures: per account, by normalised email whether or not the account exists, and per client address. A
 * success clears the account's count, not the address's. Kept in memory per instance, like the sign-up
 * limit: behind several instances the effective limits multiply by their number.
 */
@Component
class SignInLimiter {

    private final SignInLimits limits;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    SignInLimiter(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        Duration remembered = limits.window().plus(limits.lockout());
        this.accounts = Caffeine.newBuilder().expireAfterAccess(remembered).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(remembered).maximumSize(100_000).build();
    }

    /** Refuses before the password is even compared while the account or the address is locked. */
    void check(String email, String address) {
        Instant now = clock.instant();
        Failures account = accounts.getIfPresent(AdminRepository.normalize(email));
        if (account != null && account.lockedAt(now)) {
            throw new SignInLockedException("account locked", Duration.between(now, account.lockedUntil()));
        }
        Failures fromAddress = addresses.getIfPresent(address);
        if (fromAddress != null && fromAddress.lockedAt(now)) {
            throw new SignInLockedException("address locked", Duration.between(now, fromAddress.lockedUntil()));
        }
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        accounts.asMap().compute(AdminRepository.normalize(email),
                (key, before) -> Failures.after(before, now, limits.maxFailuresPerAccount(), limits));
        addresses.asMap().compute(address,
                (key, before) -> Failures.after(before, now, limits.maxFailuresPerAddress(), limits));
    }

    void succeeded(String email) {
        accounts.invalidate(AdminRepository.normalize(email));
    }

    /** The failures counted since {@code since}; {@code lockedUntil} is set once they reached the maximum. */
    record Failures(int count, Instant since, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** One more failure: counted in the current window, or the first of a new one once it or a lockout is over. */
        static Failures after(Failures before, Instant now, int max, SignInLimits limits) {
            if (before != null && before.lockedAt(now)) {
                return before;
            }
            boolean fresh = before == null || before.lockedUntil() != null
                    || !now.isBefore(before.since().plus(limits.window()));
            int count = fresh ? 1 : before.count() + 1;
            Instant since = fresh ? now : before.since();
            return new Failures(count, since, count >= max ? now.plus(limits.lockout()) : null);
        }
    }
}
