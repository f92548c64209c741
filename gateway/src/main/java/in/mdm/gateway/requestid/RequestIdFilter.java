package in.mdm.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every routed request an {@code X-Request-Id}: the caller's own if it is a safe
 * token, a new UUID otherwise. The id goes to the service (whose logs carry it) and back
 * to the caller, also on the gateway's own answers (rate limit, fallback), so one request
 * can be followed end to end.
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /**
     * The same rule the services apply: short, no spaces, no characters that could forge
     * log lines.
     */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = requestId(exchange.getRequest().getHeaders().getFirst(HEADER));
        ServerWebExchange withId = exchange.mutate()
            .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
            .build();
        withId.getAttributes().put(ATTRIBUTE, requestId);
        ServerHttpResponse response = withId.getResponse();
        // set at the last moment, so that a service's own X-Request-Id (the same value)
        // is not doubled
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    static String requestId(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
