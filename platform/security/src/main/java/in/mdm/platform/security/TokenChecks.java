package in.mdm.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The checks every holder of an access token applies, at the gateway and in each service:
 * RS256 only (so {@code alg: none} and HS256 signed with a public key are refused before
 * any key is looked at), the key by {@code kid} from the issuer's JWKS (signing keys
 * only), the exact issuer, our audience, expiry and not-before with 30 s of clock skew.
 */
public final class TokenChecks {

    /** The only signature algorithm accepted. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

    /**
     * Redis key whose presence revokes an access token (set at logout with a TTL until
     * the token's expiry).
     */
    public static final String DENIED_JTI_PREFIX = "mdm:auth:denied-jti:";

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private TokenChecks() {
    }

    public static String deniedKey(String jti) {
        return DENIED_JTI_PREFIX + jti;
    }

    /** Issuer, audience, expiry. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(CLOCK_SKEW));
        checks.add(new JwtIssuerValidator(issuer));
        checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
        checks.add(new RequiredClaim("exp"));
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    /**
     * The issuer a token claims, read without verifying it, to choose the keys to verify
     * it with; null if unreadable.
     */
    public static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        }
        catch (Exception unreadable) {
            return null;
        }
    }

    private record RequiredClaim(String name) implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            Predicate<Object> present = value -> value != null;
            return present.test(token.getClaims().get(name)) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult
                        .failure(new OAuth2Error("invalid_token", "The token has no " + name, null));
        }
    }

}
