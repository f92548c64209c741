package in.mdm.auth.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import in.mdm.platform.security.TokenChecks;
import in.mdm.platform.security.servlet.IssuerRoutingJwtDecoder;

/**
 * auth-service checks the tokens it is called with against its own keys (straight from
 * its database, not over HTTP), with the platform's checks (RS256 only, issuer, audience,
 * expiry) and the logout deny-list. The platform's resource-server set-up uses this
 * decoder instead of its JWKS-over-HTTP one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class AccessTokenDecoding {

    /**
     * Our own tokens by our keys; when a Keycloak realm is configured
     * ({@code mdm.security.keycloak.issuer-uri}), its tokens too, by the realm's JWKS, as
     * every other service accepts them.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Sessions sessions, @Value("${mdm.security.issuer}") String issuer,
            @Value("${mdm.security.audience:mdm-twin}") String audience,
            @Value("${mdm.security.keycloak.issuer-uri:}") String keycloakIssuer,
            @Value("${mdm.security.keycloak.jwks-uri:}") String keycloakJwks) {
        JwtDecoder own = ownTokens(keys, sessions, issuer, audience);
        if (keycloakIssuer == null || keycloakIssuer.isBlank()) {
            return own;
        }
        String jwks = keycloakJwks != null && !keycloakJwks.isBlank() ? keycloakJwks
                : keycloakIssuer.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
        Map<String, JwtDecoder> byIssuer = new LinkedHashMap<>();
        byIssuer.put(issuer, own);
        byIssuer.put(keycloakIssuer, IssuerRoutingJwtDecoder.forIssuer(keycloakIssuer, audience, jwks));
        return new IssuerRoutingJwtDecoder(byIssuer, sessions::isDenied);
    }

    private static JwtDecoder ownTokens(SigningKeys keys, Sessions sessions, String issuer, String audience) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            List<String> kids = List.copyOf(
                    selector.getMatcher().getKeyIDs() == null ? java.util.Set.of() : selector.getMatcher().getKeyIDs());
            return selector.select(keys.publicKeysWith(kids.isEmpty() ? null : kids.getFirst()));
        };
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // claims are checked below, by the platform's validators
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> jwt.getId() == null || sessions.isDenied(jwt.getId())
                ? OAuth2TokenValidatorResult
                    .failure(new OAuth2Error("invalid_token", "The token has no id or has been revoked", null))
                : OAuth2TokenValidatorResult.success();
        decoder
            .setJwtValidator(new DelegatingOAuth2TokenValidator<>(TokenChecks.validator(issuer, audience), notRevoked));
        return decoder;
    }

}
