package in.mdm.gateway.security;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import in.mdm.platform.security.TokenChecks;
import in.mdm.platform.security.VerifiedTokens;

/**
 * Verifies a bearer token with the keys of the issuer it names (auth-service or the
 * Keycloak realm), RS256 only, with the platform's issuer, audience and expiry checks,
 * then refuses it when its {@code jti} was deny-listed at logout. Redis unreachable:
 * refused (a revoked token cannot be told from a live one). A token that passed is kept
 * ({@link VerifiedTokens}) until it expires and not verified again; the deny-list is
 * consulted on every request all the same.
 */
final class EdgeJwtDecoder implements ReactiveJwtDecoder {

    private final Map<String, ReactiveJwtDecoder> byIssuer;

    private final ReactiveStringRedisTemplate redis;

    private final VerifiedTokens verified;

    EdgeJwtDecoder(Map<String, ReactiveJwtDecoder> byIssuer, ReactiveStringRedisTemplate redis,
            VerifiedTokens verified) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.redis = redis;
        this.verified = verified;
    }

    static ReactiveJwtDecoder forIssuer(String issuer, String audience, String jwksUri) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(TokenChecks.validator(issuer, audience));
        return decoder;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.find(token);
        if (known != null) {
            // verified before and not expired: only the deny-list is consulted again
            return notRevoked(known);
        }
        String issuer = TokenChecks.unverifiedIssuer(token);
        ReactiveJwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
        if (decoder == null) {
            return Mono.error(new BadJwtException("The token is not from a trusted issuer"));
        }
        return decoder.decode(token)
            // the issuer's keys could not be fetched: a 503 to retry, not a 500
            .onErrorMap(e -> !(e instanceof JwtException),
                    e -> new JwtException("The issuer's keys could not be fetched", e))
            .flatMap(this::notRevoked)
            .doOnNext(jwt -> verified.remember(token, jwt));
    }

    private Mono<Jwt> notRevoked(Jwt jwt) {
        if (jwt.getId() == null) {
            return Mono.just(jwt);
        }
        return redis.hasKey(TokenChecks.deniedKey(jwt.getId()))
            .onErrorMap(e -> new JwtException("Token revocation could not be checked", e)) // a
                                                                                           // 503,
                                                                                           // not
                                                                                           // the
                                                                                           // caller's
                                                                                           // fault
            .flatMap(denied -> denied ? Mono.error(new JwtValidationException("The token has been revoked",
                    List.of(new OAuth2Error("invalid_token", "revoked", null)))) : Mono.just(jwt));
    }

}
