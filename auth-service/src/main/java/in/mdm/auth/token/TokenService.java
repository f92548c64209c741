package in.mdm.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import in.mdm.events.Jurisdiction;

/**
 * Signs access tokens on the system's contract: RS256 with a {@code kid}; {@code iss},
 * {@code aud} ({@code mdm-twin}), {@code sub}, {@code jti}, {@code iat}, {@code exp}; for
 * people {@code uid}, {@code preferred_username}, {@code roles}, {@code jurisdiction} and
 * {@code sid} (the session, i.e. the refresh token family); for machine clients
 * {@code scope} and a state jurisdiction.
 */
@Service
public class TokenService {

    /** The session (refresh-token family) an access token belongs to. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;

    private final TokenProperties properties;

    private final Clock clock;

    private final String issuer;

    private final String audience;

    private final String stateCode;

    TokenService(SigningKeys keys, TokenProperties properties, Clock clock,
            @Value("${mdm.security.issuer}") String issuer, @Value("${mdm.security.audience:mdm-twin}") String audience,
            @Value("${mdm.security.state-code:33}") String stateCode) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.stateCode = stateCode;
    }

    /** A signed access token. */
    public record IssuedToken(String value, String jti, Instant expiresAt, long expiresIn) {
    }

    /** Who a person's token speaks for. */
    public record Person(UUID userId, String username, String role, Jurisdiction jurisdiction) {
    }

    public IssuedToken forPerson(Person person, String sessionId) {
        JWTClaimsSet.Builder claims = base(person.username()).claim("uid", person.userId().toString())
            .claim("preferred_username", person.username())
            .claim("roles", List.of(person.role()))
            .claim("jurisdiction",
                    Map.of("level", person.jurisdiction().level().name(), "code", person.jurisdiction().code()));
        if (sessionId != null) {
            claims.claim(SESSION_CLAIM, sessionId);
        }
        return sign(claims);
    }

    public IssuedToken forClient(String clientId, Collection<String> scopes) {
        return sign(base(clientId).claim("roles", List.of())
            .claim("scope", String.join(" ", scopes))
            .claim("jurisdiction", Map.of("level", "STATE", "code", stateCode)));
    }

    public String issuer() {
        return issuer;
    }

    public long accessTokenSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    private JWTClaimsSet.Builder base(String subject) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer)
            .audience(audience)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.accessTokenTtl())));
    }

    private IssuedToken sign(JWTClaimsSet.Builder builder) {
        RSAKey key = keys.current();
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        Instant expires = claims.getExpirationTime().toInstant();
        return new IssuedToken(jwt.serialize(), claims.getJWTID(), expires, properties.accessTokenTtl().toSeconds());
    }

}
