package in.mdm.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;

/**
 * The credentials and sign-in state of the {@code users} table: password hashes,
 * activation, failed sign-ins and locks. {@link UserRepository} holds the rest of a user.
 */
@Repository
class AccountRepository {

    /** What signing in needs to know of a user. */
    record Account(UUID id, String username, String role, Jurisdiction jurisdiction, UserStatus status,
            String passwordHash, Instant lockedUntil, boolean mfaEnabled) {
    }

    private static final String SELECT = """
            select id, username, role, jurisdiction_level, jurisdiction_code, status, password_hash, locked_until,
                   mfa_enabled_at from users""";

    private final JdbcClient jdbc;

    private final UserFields fields;

    AccountRepository(JdbcClient jdbc, UserFields fields) {
        this.jdbc = jdbc;
        this.fields = fields;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = :username")
            .param("username", username)
            .query(AccountRepository::account)
            .optional();
    }

    Optional<Account> find(UUID userId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", userId).query(AccountRepository::account).optional();
    }

    Optional<String> passwordHash(UUID userId) {
        return jdbc.sql("select password_hash from users where id = :id")
            .param("id", userId)
            .query(String.class)
            .optional();
    }

    /**
     * By the e-mail address's blind index (lower-cased, {@link UserFields#emailIndexes}:
     * also under the previous index key while a rotation runs); a row not yet encrypted
     * by its plain address.
     */
    Optional<String> usernameByEmail(String email) {
        return jdbc.sql("""
                select username from users
                where email_index in (:indexes) or (email_index is null and lower(email) = lower(:email))""")
            .param("indexes", fields.emailIndexes(email))
            .param("email", email)
            .query(String.class)
            .optional();
    }

    /**
     * Sets the first password of an account waiting for activation, and activates
     * it; @return rows changed
     */
    int activate(UUID userId, String passwordHash) {
        return jdbc
            .sql("""
                    update users set password_hash = :hash, status = 'ACTIVE', activated_at = now(), password_changed_at = now(),
                                     updated_at = now()
                    where id = :id and status = 'PENDING_ACTIVATION'""")
            .param("hash", passwordHash)
            .param("id", userId)
            .update();
    }

    /**
     * A new password for an active or locked account, which it also unlocks; @return rows
     * changed
     */
    int resetPassword(UUID userId, String passwordHash) {
        return jdbc.sql("""
                update users set password_hash = :hash, password_changed_at = now(), updated_at = now(),
                                 failed_logins = 0, first_failed_at = null, locked_until = null,
                                 status = case when status = 'LOCKED' then 'ACTIVE' else status end
                where id = :id and status in ('ACTIVE', 'LOCKED')""")
            .param("hash", passwordHash)
            .param("id", userId)
            .update();
    }

    void changePassword(UUID userId, String passwordHash) {
        jdbc.sql(
                "update users set password_hash = :hash, password_changed_at = now(), updated_at = now() where id = :id")
            .param("hash", passwordHash)
            .param("id", userId)
            .update();
    }

    /**
     * Counts a failed sign-in of an active or locked account, starting a new count when
     * the last window began before {@code windowStart}; locks the user's row. @return the
     * failures in the window, empty for another status
     */
    Optional<Integer> countFailure(UUID userId, Instant windowStart, Instant now) {
        return jdbc
            .sql("""
                    update users set
                        failed_logins = case when first_failed_at is null or first_failed_at < :windowStart then 1 else failed_logins + 1 end,
                        first_failed_at = case when first_failed_at is null or first_failed_at < :windowStart then :now else first_failed_at end
                    where id = :id and status in ('ACTIVE', 'LOCKED')
                    returning failed_logins""")
            .param("windowStart", Timestamp.from(windowStart))
            .param("now", Timestamp.from(now))
            .param("id", userId)
            .query(Integer.class)
            .optional();
    }

    void lock(UUID userId, Instant until, Instant now) {
        jdbc.sql("""
                update users set status = 'LOCKED', locked_until = :until, failed_logins = 0, first_failed_at = null,
                                 updated_at = :now
                where id = :id""")
            .param("until", Timestamp.from(until))
            .param("now", Timestamp.from(now))
            .param("id", userId)
            .update();
    }

    /** Clears the failure count and ends a lock. */
    void clearFailures(UUID userId) {
        jdbc.sql("""
                update users set failed_logins = 0, first_failed_at = null, locked_until = null,
                                 status = case when status = 'LOCKED' then 'ACTIVE' else status end
                where id = :id""").param("id", userId).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("role"),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("jurisdiction_level")),
                        rs.getString("jurisdiction_code")),
                UserStatus.valueOf(rs.getString("status")), rs.getString("password_hash"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("mfa_enabled_at") != null);
    }

}
