package in.mdm.gateway.ui;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/**
 * The dashboard's sign-in, a backend for the browser: it calls auth-service's login,
 * refresh and logout for the page and keeps the tokens in {@link SessionCookies}
 * ({@code HttpOnly}, {@code SameSite=Strict}), so that no script ever holds a token.
 * auth-service's own answers (wrong password, a one-time code needed, a locked account)
 * pass through unchanged; only a success is turned into cookies.
 */
@RestController
@RequestMapping(SessionCookies.SESSION_PATH)
class SessionController {

    private static final Duration AUTH_TIME_LIMIT = Duration.ofSeconds(10);

    private final WebClient auth;

    private final GatewaySettings.Ui settings;

    SessionController(ReactorLoadBalancerExchangeFilterFunction loadBalancer, GatewaySettings settings) {
        // auth-service as Eureka knows it, as the routes reach it
        this.auth = WebClient.builder().baseUrl("http://auth-service").filter(loadBalancer).build();
        this.settings = settings.ui();
    }

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
        SessionCookies.clear(exchange, settings);
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
