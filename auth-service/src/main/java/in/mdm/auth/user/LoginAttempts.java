package in.mdm.auth.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.auth.UserLocked;

/**
 * Counts failed sign-ins: {@code max-failures} within {@code window} lock the account for
 * {@code duration} and publish {@link UserLocked}. The counting update locks the user's
 * row, so concurrent failures all count.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;

    private final AccountProperties.Lockout lockout;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    LoginAttempts(AccountRepository accounts, AccountProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.lockout = properties.lockout();
        this.events = events;
        this.clock = clock;
    }

    /**
     * @return when the lock this failure caused ends; empty when the account is not
     * locked by it
     */
    @Transactional
    Optional<Instant> failed(UUID userId, String username) {
        Instant now = clock.instant();
        Optional<Integer> count = accounts.countFailure(userId, now.minus(lockout.window()), now);
        if (count.isEmpty() || count.get() < lockout.maxFailures()) {
            return Optional.empty();
        }
        Instant until = now.plus(lockout.duration());
        accounts.lock(userId, until, now);
        events.publishEvent(new UserLocked(UUID.randomUUID(), now, userId, username, count.get(), until));
        return Optional.of(until);
    }

    /** A successful sign-in clears the count and ends an expired lock. */
    @Transactional
    void succeeded(UUID userId) {
        accounts.clearFailures(userId);
    }

}
