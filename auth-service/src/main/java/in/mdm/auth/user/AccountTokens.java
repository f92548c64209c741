package in.mdm.auth.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Single-use tokens sent by e-mail: activation (24 h) and password reset (30 min). Only
 * the SHA-256 of a token is stored; a new token of the same purpose replaces the user's
 * earlier unused ones.
 */
@Component
class AccountTokens {

    enum Purpose {

        ACTIVATION, PASSWORD_RESET

    }

    private final AccountTokenRepository tokens;

    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** A new token (call inside the transaction that needs it). */
    String issue(UUID userId, Purpose purpose, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.deleteUnused(userId, purpose);
        tokens.insert(digest(token), userId, purpose, expiresAt);
        return token;
    }

    /**
     * Uses the token up and tells whose it was; empty when it is unknown, expired,
     * already used or of another purpose. The row stays locked until the caller's
     * transaction ends, so two uses cannot both succeed.
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.use(digest(token), purpose, now);
    }

    static String digest(String value) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
