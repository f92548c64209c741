package in.mdm.auth.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_tokens} table: the SHA-256 of each single-use token, its user,
 * purpose and expiry.
 */
@Repository
class AccountTokenRepository {

    private final JdbcClient jdbc;

    AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deleteUnused(UUID userId, AccountTokens.Purpose purpose) {
        jdbc.sql("delete from account_tokens where user_id = :user and purpose = :purpose and used_at is null")
            .param("user", userId)
            .param("purpose", purpose.name())
            .update();
    }

    void insert(String tokenHash, UUID userId, AccountTokens.Purpose purpose, Instant expiresAt) {
        jdbc.sql(
                "insert into account_tokens (token_hash, user_id, purpose, expires_at) values (:hash, :user, :purpose, :expires)")
            .param("hash", tokenHash)
            .param("user", userId)
            .param("purpose", purpose.name())
            .param("expires", Timestamp.from(expiresAt))
            .update();
    }

    /**
     * Marks an unused, unexpired token of this purpose used (its row stays locked) and
     * answers whose it was.
     */
    Optional<UUID> use(String tokenHash, AccountTokens.Purpose purpose, Instant now) {
        return jdbc.sql("""
                update account_tokens set used_at = :now
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                returning user_id""")
            .param("hash", tokenHash)
            .param("purpose", purpose.name())
            .param("now", Timestamp.from(now))
            .query(UUID.class)
            .optional();
    }

}
