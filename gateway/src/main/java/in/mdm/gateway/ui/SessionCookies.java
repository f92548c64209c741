package in.mdm.gateway.ui;

import java.time.Duration;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.gateway.GatewaySettings;

/**
 * The dashboard's two cookies: the access token, sent with every same-site request and
 * turned into the {@code Authorization} header by {@link SessionCookieFilter}, and the
 * refresh token, sent only to {@code /ui/session}. Both {@code HttpOnly} (no script, ours
 * or another site's, can read them), {@code SameSite=Strict} (never sent from another
 * site's page) and {@code Secure} over HTTPS.
 */
final class SessionCookies {

    static final String ACCESS = "MDM_SESSION";

    static final String REFRESH = "MDM_REFRESH";

    static final String SESSION_PATH = "/ui/session";

    /**
     * The PKCE state and verifier of a sign-in at the Keycloak realm, until its callback.
     */
    static final String PROOF = "MDM_PKCE";

    static final String PROOF_PATH = SESSION_PATH + "/keycloak";

    /**
     * The header the dashboard's pages send with every call, which another site cannot.
     */
    static final String UI_HEADER = "X-MDM-UI";

    /**
     * How long a refresh token is kept by the browser; auth-service decides whether it
     * still works.
     */
    static final Duration REFRESH_KEPT = Duration.ofDays(1);

    private SessionCookies() {
    }

    static void set(ServerWebExchange exchange, GatewaySettings.Ui settings, String accessToken, long expiresIn,
            String refreshToken) {
        boolean secure = secure(exchange.getRequest(), settings);
        exchange.getResponse().addCookie(cookie(ACCESS, accessToken, "/", Duration.ofSeconds(expiresIn), secure));
        if (refreshToken != null) {
            exchange.getResponse().addCookie(cookie(REFRESH, refreshToken, SESSION_PATH, REFRESH_KEPT, secure));
        }
    }

    static void clear(ServerWebExchange exchange, GatewaySettings.Ui settings) {
        boolean secure = secure(exchange.getRequest(), settings);
        exchange.getResponse().addCookie(cookie(ACCESS, "", "/", Duration.ZERO, secure));
        exchange.getResponse().addCookie(cookie(REFRESH, "", SESSION_PATH, Duration.ZERO, secure));
    }

    /**
     * The PKCE proof: {@code SameSite=Lax}, since the way back from the realm is a
     * navigation from the realm's site, on which a strict cookie would not be sent.
     */
    static void setProof(ServerWebExchange exchange, GatewaySettings.Ui settings, String value, Duration maxAge) {
        exchange.getResponse()
            .addCookie(ResponseCookie.from(PROOF, value)
                .httpOnly(true)
                .secure(secure(exchange.getRequest(), settings))
                .sameSite("Lax")
                .path(PROOF_PATH)
                .maxAge(maxAge)
                .build());
    }

    static String value(ServerHttpRequest request, String name) {
        HttpCookie cookie = request.getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private static boolean secure(ServerHttpRequest request, GatewaySettings.Ui settings) {
        return settings.secureCookies() || "https".equalsIgnoreCase(request.getURI().getScheme());
    }

    private static ResponseCookie cookie(String name, String value, String path, Duration maxAge, boolean secure) {
        return ResponseCookie.from(name, value)
            .httpOnly(true)
            .secure(secure)
            .sameSite("Strict")
            .path(path)
            .maxAge(maxAge)
            .build();
    }

}
