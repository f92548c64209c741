package in.mdm.gateway.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.springframework.web.util.UriComponentsBuilder;

import in.mdm.gateway.security.EdgeSecuritySettings;

/**
 * The Keycloak realm's authorization-code flow with PKCE (RFC 7636, S256) for the
 * dashboard, with the realm's public client {@code mdm-web}: where the browser is sent,
 * the proof kept for the way back, and what the token endpoint is given.
 */
final class KeycloakSignIn {

    static final String CLIENT_ID = "mdm-web";

    static final String CALLBACK_PATH = SessionCookies.SESSION_PATH + "/keycloak/callback";

    /** How long a sign-in at the realm may take before the proof expires. */
    static final Duration PROOF_KEPT = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;

    private final String redirectUri;

    KeycloakSignIn(EdgeSecuritySettings.Keycloak realm, String publicUrl) {
        String uri = realm.issuerUri();
        this.issuer = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.redirectUri = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + CALLBACK_PATH;
    }

    /** A fresh state and code verifier, kept in a cookie for the callback. */
    record Proof(String state, String verifier) {

        static Proof fresh() {
            return new Proof(random(), random());
        }

        /** {@code state.verifier}; neither contains a dot (base64url). */
        String cookieValue() {
            return state + "." + verifier;
        }

        static Proof of(String cookieValue) {
            if (cookieValue == null) {
                return null;
            }
            int dot = cookieValue.indexOf('.');
            return dot <= 0 ? null : new Proof(cookieValue.substring(0, dot), cookieValue.substring(dot + 1));
        }

        String challenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("SHA-256 is missing from the JDK", ex);
            }
        }

        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

    }

    URI authorization(Proof proof) {
        return UriComponentsBuilder.fromUriString(issuer + "/protocol/openid-connect/auth")
            .queryParam("response_type", "code")
            .queryParam("client_id", CLIENT_ID)
            .queryParam("redirect_uri", redirectUri)
            .queryParam("scope", "openid")
            .queryParam("state", proof.state())
            .queryParam("code_challenge", proof.challenge())
            .queryParam("code_challenge_method", "S256")
            .encode()
            .build()
            .toUri();
    }

    String tokenEndpoint() {
        return issuer + "/protocol/openid-connect/token";
    }

    String logoutEndpoint() {
        return issuer + "/protocol/openid-connect/logout";
    }

    String redirectUri() {
        return redirectUri;
    }

}
