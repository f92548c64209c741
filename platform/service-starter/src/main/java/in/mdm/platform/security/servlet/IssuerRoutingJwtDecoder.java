package in.mdm.platform.security.servlet;

import java.util.Map;
import java.util.function.Predicate;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import in.mdm.platform.security.TokenChecks;
import in.mdm.platform.security.VerifiedTokens;

/**
 * Verifies a token with the keys of the issuer it names (auth-service, or the Keycloak
 * realm when one is configured), then refuses it if its {@code jti} has been deny-listed
 * at logout. A token naming any other issuer is refused before a key is fetched.
 */
public final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> byIssuer;

    private final Predicate<String> denied;

    private final VerifiedTokens verified;

    public IssuerRoutingJwtDecoder(Map<String, JwtDecoder> byIssuer, Predicate<String> denied) {
        this(byIssuer, denied, new VerifiedTokens(0));
    }

    /**
     * @param verified tokens verified before, not parsed and verified again until they
     * expire (the deny-list is consulted all the same)
     */
    public IssuerRoutingJwtDecoder(Map<String, JwtDecoder> byIssuer, Predicate<String> denied,
            VerifiedTokens verified) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.denied = denied;
        this.verified = verified;
    }

    /** RS256 from a JWKS, with the platform's issuer, audience and time checks. */
    public static JwtDecoder forIssuer(String issuer, String audience, String jwksUri) {
        // the keys are fetched once and cached; a slow issuer must not hold a request for
        // long
        org.springframework.http.client.SimpleClientHttpRequestFactory http = new org.springframework.http.client.SimpleClientHttpRequestFactory();
        http.setConnectTimeout(java.time.Duration.ofSeconds(3));
        http.setReadTimeout(java.time.Duration.ofSeconds(15));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
            .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
            .restOperations(new org.springframework.web.client.RestTemplate(http))
            .build();
        decoder.setJwtValidator(TokenChecks.validator(issuer, audience));
        return decoder;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.find(token);
        boolean known = jwt != null;
        if (!known) {
            String issuer = TokenChecks.unverifiedIssuer(token);
            JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
            if (decoder == null) {
                throw new BadJwtException("The token is not from a trusted issuer");
            }
            jwt = decoder.decode(token);
        }
        boolean revoked;
        try {
            revoked = jwt.getId() != null && denied.test(jwt.getId());
        }
        catch (RuntimeException redisUnreachable) {
            // not the caller's fault: answered 503 to retry
            throw new JwtException("Token revocation could not be checked", redisUnreachable);
        }
        if (revoked) {
            throw new JwtValidationException("The token has been revoked", java.util.List
                .of(new org.springframework.security.oauth2.core.OAuth2Error("invalid_token", "revoked", null)));
        }
        if (!known) {
            verified.remember(token, jwt);
        }
        return jwt;
    }

}
