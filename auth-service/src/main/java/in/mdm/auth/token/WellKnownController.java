package in.mdm.auth.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys (JWKS) and an OpenID discovery document, for the gateway, the services
 * and other verifiers.
 */
@RestController
class WellKnownController {

    private final SigningKeys keys;

    private final TokenService tokens;

    WellKnownController(SigningKeys keys, TokenService tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(keys.publicKeys().toJSONObject(true));
    }

    @GetMapping("/.well-known/openid-configuration")
    Map<String, Object> discovery() {
        String issuer = tokens.issuer();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", base + "/.well-known/jwks.json");
        document.put("token_endpoint", base + "/api/v1/auth/token");
        document.put("userinfo_endpoint", base + "/api/v1/auth/me");
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        document.put("claims_supported", List.of("iss", "aud", "sub", "uid", "preferred_username", "roles",
                "jurisdiction", "scope", "jti", "iat", "exp", "sid"));
        return document;
    }

}
