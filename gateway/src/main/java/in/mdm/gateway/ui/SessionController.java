package in.mdm.gateway.ui;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.gateway.GatewayProblems;
import in.mdm.gateway.GatewaySettings;
import in.mdm.gateway.problem.Problems;
import in.mdm.gateway.security.EdgeSecuritySettings;

/**
 * The dashboard's sign-in, a backend for the browser: it calls auth-service's login,
 * refresh and logout for the page and keeps the tokens in {@link SessionCookies}
 * ({@code HttpOnly}, {@code SameSite=Strict}), so that no script ever holds a token.
 * auth-service's own answers (wrong password, a one-time code needed, a locked account)
 * pass through unchanged; only a success is turned into cookies. When a Keycloak realm is
 * set ({@code MDM_KEYCLOAK_ISSUER_URI}) it also signs in there, by the authorization-code
 * flow with PKCE ({@link KeycloakSignIn}), into the same cookies.
 */
@RestController
@RequestMapping(SessionCookies.SESSION_PATH)
class SessionController {

    private static final Duration AUTH_TIME_LIMIT = Duration.ofSeconds(10);

    private final WebClient auth;

    private final GatewaySettings.Ui settings;

    private final KeycloakSignIn keycloak;

    private final WebClient realm = WebClient.create();

    SessionController(ReactorLoadBalancerExchangeFilterFunction loadBalancer, GatewaySettings settings,
            EdgeSecuritySettings security) {
        // auth-service as Eureka knows it, as the routes reach it
        this.auth = WebClient.builder().baseUrl("http://auth-service").filter(loadBalancer).build();
        this.settings = settings.ui();
        // the gateway's public URL is the issuer of auth-service's tokens
        this.keycloak = security.keycloak().on() ? new KeycloakSignIn(security.keycloak(), security.issuer()) : null;
    }

    record Options(boolean keycloak) {
    }

    /** What the sign-in page offers: the Keycloak realm's sign-in when one is set. */
    @GetMapping("/options")
    Options options() {
        return new Options(keycloak != null);
    }

    /**
     * Starts a sign-in at the Keycloak realm: the browser goes to its authorization
     * endpoint with a PKCE challenge, the state and verifier stay in a cookie.
     */
    @GetMapping("/keycloak")
    Mono<ResponseEntity<Object>> keycloakSignIn(ServerWebExchange exchange) {
        if (keycloak == null) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, GatewayProblems.ROUTE_NOT_FOUND,
                    "No Keycloak realm is set (MDM_KEYCLOAK_ISSUER_URI)"));
        }
        KeycloakSignIn.Proof proof = KeycloakSignIn.Proof.fresh();
        SessionCookies.setProof(exchange, settings, proof.cookieValue(), KeycloakSignIn.PROOF_KEPT);
        return Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(keycloak.authorization(proof)).build());
    }

    /**
     * The way back from the realm: the state must be the cookie's, the code is exchanged
     * with the verifier for the realm's tokens, which become the session cookies; the
     * browser goes to the dashboard, or to its sign-in page saying it failed.
     */
    @GetMapping("/keycloak/callback")
    Mono<ResponseEntity<Object>> keycloakCallback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, ServerWebExchange exchange) {
        KeycloakSignIn.Proof proof = KeycloakSignIn.Proof
            .of(SessionCookies.value(exchange.getRequest(), SessionCookies.PROOF));
        SessionCookies.setProof(exchange, settings, "", Duration.ZERO);
        if (keycloak == null || proof == null || code == null || code.isBlank() || !proof.state().equals(state)) {
            return Mono.just(home(FAILED));
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", keycloak.redirectUri());
        form.add("client_id", KeycloakSignIn.CLIENT_ID);
        form.add("code_verifier", proof.verifier());
        return realmTokens(form).map(tokens -> {
            SessionCookies.set(exchange, settings, tokens.accessToken(), tokens.expiresIn(), tokens.refreshToken());
            return home("/");
        }).defaultIfEmpty(home(FAILED));
    }

    private static final String FAILED = "/#/sign-in-failed";

    private static ResponseEntity<Object> home(String where) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(where)).build();
    }

    /**
     * The realm's token endpoint; its tokens as the session keeps them (the refresh token
     * marked as the realm's), or empty when it refuses or cannot be reached.
     */
    private Mono<Tokens> realmTokens(MultiValueMap<String, String> form) {
        return realm.post()
            .uri(keycloak.tokenEndpoint())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromFormData(form))
            .retrieve()
            .bodyToMono(JsonNode.class)
            .timeout(AUTH_TIME_LIMIT)
            .filter(json -> json.path("access_token").isString())
            .map(json -> new Tokens(json.path("access_token").asString(),
                    json.path("refresh_token").isString() ? REALM + json.path("refresh_token").asString() : null,
                    json.path("expires_in").asLong(300)))
            .onErrorResume(ex -> Mono.empty());
    }

    /** The prefix of a refresh cookie that holds the Keycloak realm's refresh token. */
    static final String REALM = "kc.";

    record SignInRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
            @Size(max = 12) String otp) {
    }

    record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    record Session(long expiresIn) {
    }

    /** Signs in with a username, a password and, when MFA is on, the one-time code. */
    @PostMapping
    Mono<ResponseEntity<Object>> signIn(@Valid @RequestBody SignInRequest request, ServerWebExchange exchange) {
        return call(exchange, auth.post().uri("/api/v1/auth/login").bodyValue(request));
    }

    /**
     * A new access token for the refresh token's cookie; auth-service rotates the refresh
     * token, so the old cookie stops working.
     */
    @PostMapping("/refresh")
    Mono<ResponseEntity<Object>> refresh(ServerWebExchange exchange) {
        String refreshToken = SessionCookies.value(exchange.getRequest(), SessionCookies.REFRESH);
        if (refreshToken == null) {
            SessionCookies.clear(exchange, settings);
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, GatewayProblems.UNAUTHENTICATED,
                    "No session to refresh; sign in"));
        }
        if (refreshToken.startsWith(REALM) && keycloak != null) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "refresh_token");
            form.add("client_id", KeycloakSignIn.CLIENT_ID);
            form.add("refresh_token", refreshToken.substring(REALM.length()));
            return realmTokens(form).map(tokens -> signedIn(exchange, tokens)).switchIfEmpty(Mono.fromSupplier(() -> {
                SessionCookies.clear(exchange, settings);
                return problem(HttpStatus.UNAUTHORIZED, GatewayProblems.TOKEN_INVALID,
                        "The realm refused to renew the session; sign in");
            }));
        }
        return call(exchange, auth.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)))
            .doOnNext(answer -> {
                if (answer.getStatusCode().value() == 401) {
                    SessionCookies.clear(exchange, settings);
                }
            });
    }

    /**
     * Signs out: auth-service ends the session and deny-lists the access token; the
     * cookies are cleared whatever it answers.
     */
    @DeleteMapping
    Mono<ResponseEntity<Object>> signOut(ServerWebExchange exchange) {
        String accessToken = SessionCookies.value(exchange.getRequest(), SessionCookies.ACCESS);
        String refreshToken = SessionCookies.value(exchange.getRequest(), SessionCookies.REFRESH);
        SessionCookies.clear(exchange, settings);
        if (refreshToken != null && refreshToken.startsWith(REALM) && keycloak != null) {
            // the realm's session ends with its refresh token (back-channel logout)
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("client_id", KeycloakSignIn.CLIENT_ID);
            form.add("refresh_token", refreshToken.substring(REALM.length()));
            return realm.post()
                .uri(keycloak.logoutEndpoint())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .toBodilessEntity()
                .timeout(AUTH_TIME_LIMIT)
                .then()
                .onErrorComplete()
                .thenReturn(ResponseEntity.noContent().build());
        }
        Mono<Void> logout = accessToken == null ? Mono.empty()
                : auth.post()
                    .uri("/api/v1/auth/logout")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .retrieve()
                    .toBodilessEntity()
                    .timeout(AUTH_TIME_LIMIT)
                    .then()
                    .onErrorComplete();
        return logout.thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<ResponseEntity<Object>> call(ServerWebExchange exchange, WebClient.RequestHeadersSpec<?> request) {
        return request.accept(MediaType.APPLICATION_JSON)
            .exchangeToMono(answer -> answer.statusCode().is2xxSuccessful()
                    ? answer.bodyToMono(Tokens.class).map(tokens -> signedIn(exchange, tokens)) : passThrough(answer))
            .timeout(AUTH_TIME_LIMIT)
            .onErrorResume(ex -> Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, GatewayProblems.SERVICE_UNAVAILABLE,
                    "auth-service cannot answer right now; try again shortly")));
    }

    private ResponseEntity<Object> signedIn(ServerWebExchange exchange, Tokens tokens) {
        SessionCookies.set(exchange, settings, tokens.accessToken(), tokens.expiresIn(), tokens.refreshToken());
        return ResponseEntity.ok(new Session(tokens.expiresIn()));
    }

    private static Mono<ResponseEntity<Object>> passThrough(ClientResponse answer) {
        MediaType type = answer.headers().contentType().orElse(MediaType.APPLICATION_PROBLEM_JSON);
        return answer.bodyToMono(String.class)
            .defaultIfEmpty("")
            .map(body -> ResponseEntity.status(answer.statusCode()).contentType(type).body(body));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.members(Problems.of(status, code, detail)));
    }

}
