package in.mdm.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mdm.security.*} at the gateway: whose tokens are trusted, what is open, and
 * which roles may call which routes (the services check roles and jurisdiction again).
 *
 * @param issuer auth-service's {@code iss}
 * @param audience the audience every token must name
 * @param jwksUri auth-service's JWKS
 * @param stateCode the state of an ADMIN or machine client without a jurisdiction claim
 * @param keycloak a Keycloak realm whose tokens are accepted too (issuer empty = none)
 * @param open routes that need no token
 * @param rules routes only some roles (or scopes) may call; the first rule whose path and
 * method match applies
 * @param tokenCacheSize verified tokens kept until they expire, not verified again (the
 * deny-list is consulted every time); 0 keeps none
 * @param keysRefetchInterval an issuer's key set is fetched at most once in this
 * interval, however many tokens name key ids it does not have (0: at every such token)
 */
@ConfigurationProperties("mdm.security")
public record EdgeSecuritySettings(String issuer, @DefaultValue("mdm-twin") String audience, String jwksUri,
        @DefaultValue("33") String stateCode, @DefaultValue Keycloak keycloak, @DefaultValue List<Route> open,
        @DefaultValue List<Rule> rules, @DefaultValue("8192") long tokenCacheSize,
        @DefaultValue("10s") java.time.Duration keysRefetchInterval) {

    public record Keycloak(String issuerUri, String jwksUri) {

        public boolean on() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public String effectiveJwksUri() {
            if (jwksUri != null && !jwksUri.isBlank()) {
                return jwksUri;
            }
            return (issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri)
                    + "/protocol/openid-connect/certs";
        }
    }

    /**
     * @param methods empty = every method
     */
    public record Route(List<String> paths, @DefaultValue List<String> methods) {
    }

    /**
     * @param authorities who may call: role names ({@code ADMIN}) or scopes
     * ({@code SCOPE_schools:import})
     */
    public record Rule(List<String> paths, @DefaultValue List<String> methods, List<String> authorities) {
    }
}
