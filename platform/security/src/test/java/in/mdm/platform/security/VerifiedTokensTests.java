package in.mdm.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTests {

    private Instant now = Instant.parse("2026-12-04T06:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private Jwt jwt(String subject, Duration lifetime) {
        return Jwt.withTokenValue("t-" + subject)
            .header("alg", "RS256")
            .subject(subject)
            .issuedAt(now.minus(Duration.ofHours(1)))
            .expiresAt(now.plus(lifetime))
            .build();
    }

    @Test
    void aVerifiedTokenIsFoundUntilItExpiresAndNotAfter() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        Jwt jwt = jwt("a", Duration.ofMinutes(15));
        assertThat(tokens.find("token-a")).isNull();
        tokens.remember("token-a", jwt);
        assertThat(tokens.find("token-a")).isSameAs(jwt);
        assertThat(tokens.find("token-b")).as("another token's text").isNull();

        now = now.plus(Duration.ofMinutes(15));
        assertThat(tokens.find("token-a")).as("at its expiry").isNull();
    }

    @Test
    void anExpiredTokenIsNotKeptAndZeroKeepsNone() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        tokens.remember("old", jwt("old", Duration.ofSeconds(-1)));
        assertThat(tokens.find("old")).isNull();

        VerifiedTokens none = new VerifiedTokens(0, clock);
        none.remember("a", jwt("a", Duration.ofMinutes(15)));
        assertThat(none.find("a")).isNull();
    }

    @Test
    void itHoldsNoMoreThanItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(50, clock);
        for (int i = 0; i < 500; i++) {
            tokens.remember("token-" + i, jwt("s" + i, Duration.ofMinutes(15)));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(50);
    }

}
