package in.mdm.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import in.mdm.platform.security.TokenChecks;

/**
 * Sessions and revocations, in Redis. A session is a refresh-token family: signing in
 * starts one, each refresh rotates its token (the old one stops working), and presenting
 * an already-rotated token revokes the whole family, since someone else holds a copy. A
 * session ends when unused for {@code refresh-token-ttl}. Logout ends the session and
 * deny-lists the access token's {@code jti} ({@code mdm:auth:denied-jti:<jti>}, until it
 * expires), which the gateway and every service check. Only SHA-256 digests of refresh
 * tokens are stored.
 *
 * <p>
 * A refresh token reads {@code <family id>.<secret>}.
 */
@Service
public class Sessions {

    private static final String FAMILY = "mdm:auth:refresh-family:";

    private static final String USED = "mdm:auth:refresh-used:";

    private static final String USER_SESSIONS = "mdm:auth:user-sessions:";

    /**
     * Atomically: rotate when the token is the family's current one, tell reuse from
     * garbage otherwise.
     */
    private static final RedisScript<List> ROTATE = new DefaultRedisScript<>("""
            local current = redis.call('HGET', KEYS[1], 'current')
            if not current then return {'INVALID', ''} end
            local user = redis.call('HGET', KEYS[1], 'user')
            if current == ARGV[1] then
              redis.call('HSET', KEYS[1], 'current', ARGV[2])
              redis.call('SADD', KEYS[2], ARGV[1])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              redis.call('PEXPIRE', KEYS[2], ARGV[3])
              return {'OK', user}
            end
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {'REUSED', user} end
            return {'INVALID', ''}
            """, List.class);

    private final StringRedisTemplate redis;

    private final TokenProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    Sessions(StringRedisTemplate redis, TokenProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session's first refresh token. */
    public record Started(String sessionId, String refreshToken) {
    }

    public enum Outcome {

        ROTATED, REUSED, INVALID

    }

    /**
     * What presenting a refresh token did. {@code userId} is null for an invalid token.
     */
    public record Rotation(Outcome outcome, UUID userId, String sessionId, String refreshToken) {
    }

    public Started start(UUID userId) {
        String sessionId = UUID.randomUUID().toString();
        String token = sessionId + "." + secret();
        long ttl = properties.refreshTokenTtl().toMillis();
        redis.opsForHash().putAll(FAMILY + sessionId, Map.of("user", userId.toString(), "current", digest(token)));
        redis.expire(FAMILY + sessionId, Duration.ofMillis(ttl));
        redis.opsForSet().add(USER_SESSIONS + userId, sessionId);
        redis.expire(USER_SESSIONS + userId, Duration.ofMillis(ttl));
        return new Started(sessionId, token);
    }

    /**
     * Rotates a refresh token; a reused one revokes its session (and its last access
     * token) at once.
     */
    public Rotation rotate(String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot <= 0 || !refreshToken.substring(0, dot).matches("[0-9a-f-]{36}")) {
            return new Rotation(Outcome.INVALID, null, null, null);
        }
        String sessionId = refreshToken.substring(0, dot);
        String next = sessionId + "." + secret();
        List<?> result = redis.execute(ROTATE, List.of(FAMILY + sessionId, USED + sessionId), digest(refreshToken),
                digest(next), String.valueOf(properties.refreshTokenTtl().toMillis()));
        String outcome = String.valueOf(result.get(0));
        UUID user = result.get(1) == null || String.valueOf(result.get(1)).isEmpty() ? null
                : UUID.fromString(String.valueOf(result.get(1)));
        return switch (outcome) {
            case "OK" -> {
                redis.expire(USER_SESSIONS + user, properties.refreshTokenTtl());
                yield new Rotation(Outcome.ROTATED, user, sessionId, next);
            }
            case "REUSED" -> {
                end(sessionId);
                yield new Rotation(Outcome.REUSED, user, sessionId, null);
            }
            default -> new Rotation(Outcome.INVALID, null, null, null);
        };
    }

    /**
     * Remembers the session's latest access token, so that revoking the session revokes
     * it too.
     */
    public void accessTokenIssued(String sessionId, String jti, Instant expiresAt) {
        redis.opsForHash()
            .putAll(FAMILY + sessionId, Map.of("jti", jti, "jtiExpires", String.valueOf(expiresAt.getEpochSecond())));
    }

    /**
     * Ends a session: its refresh token stops working and its latest access token is
     * deny-listed.
     */
    public void end(String sessionId) {
        List<Object> last = redis.opsForHash().multiGet(FAMILY + sessionId, List.of("jti", "jtiExpires", "user"));
        if (last.get(0) != null && last.get(1) != null) {
            deny(String.valueOf(last.get(0)), Instant.ofEpochSecond(Long.parseLong(String.valueOf(last.get(1)))));
        }
        redis.delete(List.of(FAMILY + sessionId, USED + sessionId));
        if (last.get(2) != null) {
            redis.opsForSet().remove(USER_SESSIONS + last.get(2), sessionId);
        }
    }

    /**
     * Ends every session of a user (password changed, account disabled, role changed).
     */
    public void endAll(UUID userId) {
        Set<String> sessions = redis.opsForSet().members(USER_SESSIONS + userId);
        if (sessions != null) {
            sessions.forEach(this::end);
        }
        redis.delete(USER_SESSIONS + userId);
    }

    /** Deny-lists an access token until it expires. */
    public void deny(String jti, Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt).plus(TokenChecks.CLOCK_SKEW);
        if (!left.isNegative() && !left.isZero()) {
            redis.opsForValue().set(TokenChecks.deniedKey(jti), "1", left);
        }
    }

    public boolean isDenied(String jti) {
        return Boolean.TRUE.equals(redis.hasKey(TokenChecks.deniedKey(jti)));
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
