package in.mdm.auth.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.auth.UserLocked;

/**
 * Counts failed sign-ins: {@code max-failures} within {@code window} lock the account for {@code duration} and
 * publish {@link UserLocked}. The counting update locks the user's row, so concurrent failures all count.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AccountProperties.Lockout lockout;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, AccountProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.lockout = properties.lockout();
        this.events = events;
        this.clock = clock;
    }

    /** @return when the lock this failure caused ends; empty when the account is not locked by it */
    @Transactional
    Optional<Instant> failed(UUID userId, String username) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(lockout.window()));
        Optional<Integer> count = jdbc.sql("""
                update users set
                    failed_logins = case when first_failed_at is null or first_failed_at < :windowStart then 1 else failed_logins + 1 end,
                    first_failed_at = case when first_failed_at is null or first_failed_at < :windowStart then :now else first_failed_at end
                where id = :id and status in ('ACTIVE', 'LOCKED')
                returning failed_logins""")
                .param("windowStart", windowStart)
                .param("now", Timestamp.from(now))
                .param("id", userId)
                .query(Integer.class)
                .optional();
        if (count.isEmpty() || count.get() < lockout.maxFailures()) {
            return Optional.empty();
        }
        Instant until = now.plus(lockout.duration());
        jdbc.sql("""
                update users set status = 'LOCKED', locked_until = :until, failed_logins = 0, first_failed_at = null,
                                 updated_at = :now
                where id = :id""")
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now))
                .param("id", userId)
                .update();
        events.publishEvent(new UserLocked(UUID.randomUUID(), now, userId, username, count.get(), until));
        return Optional.of(until);
    }

    /** A successful sign-in clears the count and ends an expired lock. */
    @Transactional
    void succeeded(UUID userId) {
        jdbc.sql("""
                update users set failed_logins = 0, first_failed_at = null, locked_until = null,
                                 status = case when status = 'LOCKED' then 'ACTIVE' else status end
                where id = :id""")
                .param("id", userId)
                .update();
    }
}
