package in.mdm.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

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

    static final Duration KEYS_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    static final Duration KEYS_RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, ReactiveJwtDecoder> byIssuer;

    private final ReactiveStringRedisTemplate redis;

    private final VerifiedTokens verified;

    EdgeJwtDecoder(Map<String, ReactiveJwtDecoder> byIssuer, ReactiveStringRedisTemplate redis,
            VerifiedTokens verified) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.redis = redis;
        this.verified = verified;
    }

    static ReactiveJwtDecoder forIssuer(String issuer, String audience, String jwksUri, Duration keysRefetch) {
        // the keys are fetched once and cached; a key server that does not answer must
        // give
        // the caller a 503 to retry, never hold the request
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) KEYS_CONNECT_TIMEOUT.toMillis())
            .responseTimeout(KEYS_RESPONSE_TIMEOUT);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .webClient(WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(new KeySetThrottle(keysRefetch))
                .build())
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
            // a fetch of the keys that timed out is tried once more, on a new connection
            .retryWhen(Retry.max(1).filter(EdgeJwtDecoder::keysTimedOut))
            // the issuer's keys could not be fetched: a 503 to retry, not a 500
            .onErrorMap(e -> !(e instanceof JwtException),
                    e -> new JwtException("The issuer's keys could not be fetched", e))
            .flatMap(this::notRevoked)
            .doOnNext(jwt -> verified.remember(token, jwt));
    }

    private static boolean keysTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof ReadTimeoutException
                    || t instanceof ConnectTimeoutException || t instanceof PrematureCloseException) {
                return true;
            }
        }
        return false;
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
