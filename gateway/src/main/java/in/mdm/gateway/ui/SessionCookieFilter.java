package in.mdm.gateway.ui;

import java.net.URI;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import in.mdm.gateway.GatewayProblems;
import in.mdm.gateway.problem.Problems;

/**
 * The dashboard's session cookie at the edge, before authentication: a call to the API
 * that carries no {@code Authorization} header but the session cookie gets the cookie's
 * access token as its bearer token (so the edge and the services check it as any other),
 * and the cookie is not passed on. A state-changing call made with the cookie must carry
 * the {@code X-MDM-UI} header the dashboard's pages set: a form or a script on another
 * site cannot set it on a request to this origin (no CORS preflight would allow it), so a
 * forged request is refused with a 403 problem before anything happens. The same holds
 * for the session endpoints themselves.
 */
@Component
class SessionCookieFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final JsonMapper json;

    SessionCookieFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        boolean unsafe = !SAFE.contains(request.getMethod());
        boolean fromUi = request.getHeaders().containsHeader(SessionCookies.UI_HEADER);
        if (path.equals(SessionCookies.SESSION_PATH) || path.startsWith(SessionCookies.SESSION_PATH + "/")) {
            return unsafe && !fromUi ? refuse(exchange) : chain.filter(exchange);
        }
        if (!path.startsWith("/api/") || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String token = SessionCookies.value(request, SessionCookies.ACCESS);
        if (token == null) {
            return chain.filter(exchange);
        }
        if (unsafe && !fromUi) {
            return refuse(exchange);
        }
        ServerHttpRequest withBearer = request.mutate().headers(headers -> {
            headers.setBearerAuth(token);
            headers.remove(HttpHeaders.COOKIE);
        }).build();
        return chain.filter(exchange.mutate().request(withBearer).build());
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, GatewayProblems.UI_HEADER_MISSING,
                "A call with the session cookie must come from the dashboard's own pages (header "
                        + SessionCookies.UI_HEADER + ")");
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        byte[] body = json.writeValueAsBytes(Problems.members(problem));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

}
