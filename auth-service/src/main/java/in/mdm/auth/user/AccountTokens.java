package in.mdm.auth.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens sent by e-mail: activation (24 h) and password reset (30 min). Only the SHA-256 of a token is
 * stored; a new token of the same purpose replaces the user's earlier unused ones.
 */
@Component
class AccountTokens {

    enum Purpose {
        ACTIVATION, PASSWORD_RESET
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token (call inside the transaction that needs it). */
    String issue(UUID userId, Purpose purpose, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("delete from account_tokens where user_id = :user and purpose = :purpose and used_at is null")
                .param("user", userId).param("purpose", purpose.name()).update();
        jdbc.sql("insert into account_tokens (token_hash, user_id, purpose, expires_at) values (:hash, :user, :purpose, :expires)")
                .param("hash", digest(token))
                .param("user", userId)
                .param("purpose", purpose.name())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /**
     * Uses the token up and tells whose it was; empty when it is unknown, expired, already used or of another
     * purpose. The row stays locked until the caller's transaction ends, so two uses cannot both succeed.
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update account_tokens set used_at = :now
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                returning user_id""")
                .param("hash", digest(token))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
