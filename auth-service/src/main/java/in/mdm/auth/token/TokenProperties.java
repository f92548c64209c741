package in.mdm.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mdm.auth.tokens.*}: lifetimes of what auth-service issues and how long a signing
 * key signs. The issuer and audience are the platform's {@code mdm.security.issuer} and
 * {@code mdm.security.audience}.
 *
 * @param accessTokenTtl lifetime of an access token (15 minutes)
 * @param refreshTokenTtl a session ends when its refresh token has not been used for this
 * long
 * @param keyRotateAfter a signing key older than this is replaced at start (0 = never
 * automatically)
 */
@ConfigurationProperties("mdm.auth.tokens")
public record TokenProperties(@DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("12h") Duration refreshTokenTtl, @DefaultValue("90d") Duration keyRotateAfter) {
}
