package in.mdm.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens already verified (signature, issuer, audience, times), each kept until it
 * expires, so that a caller's next request is not parsed and verified again: the RSA
 * check and the parsing are most of what a token check costs, and the gateway and the
 * service behind it both check every request. Keyed by the token's whole text, bounded
 * (least recently used out first). Revocation is not cached: the holder still consults
 * the logout deny-list on every request, so a revoked token is refused at once.
 */
public final class VerifiedTokens {

    private final Cache<String, Jwt> cache;

    private final Clock clock;

    private final boolean keeps;

    /** Expiry judged by the system clock in UTC. */
    public VerifiedTokens(long maximumSize) {
        this(maximumSize, Clock.systemUTC());
    }

    /**
     * @param maximumSize tokens kept at most (about 3 KiB each with their claims); 0
     * keeps none
     */
    public VerifiedTokens(long maximumSize, Clock clock) {
        this.clock = clock;
        this.keeps = maximumSize > 0;
        this.cache = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remaining(jwt)))
            .build();
    }

    /** The verified token, or null if it was not verified before or has expired since. */
    public Jwt find(String token) {
        Jwt jwt = cache.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
            cache.invalidate(token);
            return null;
        }
        return jwt;
    }

    /** Keeps a token that has just passed every check, until its expiry. */
    public void remember(String token, Jwt jwt) {
        if (keeps && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            cache.put(token, jwt);
        }
    }

    /** Tokens held now (for metrics and tests). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Duration remaining(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        Duration left = expires == null ? Duration.ZERO : Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }

}
