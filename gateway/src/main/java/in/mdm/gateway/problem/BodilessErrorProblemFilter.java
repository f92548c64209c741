package in.mdm.gateway.problem;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Some gateway filters end a request with a bare status and no body, the rate limiter's
 * 429 above all. This turns such an ending into the same problem body every other error
 * has (429: {@code gateway.rate-limited} with {@code Retry-After}). Responses that carry
 * a body, the services' own errors included, pass untouched.
 */
@Component
class BodilessErrorProblemFilter implements WebFilter, Ordered {

    private final JsonMapper json;

    BodilessErrorProblemFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status == null || !status.isError() || isCommitted()) {
                    return super.setComplete();
                }
                ProblemDetail problem = Problems.of(status, Problems.codeFor(status), Problems.detailFor(status));
                problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
                byte[] body = json.writeValueAsBytes(Problems.members(problem));
                getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                getHeaders().setContentLength(body.length);
                if (status.value() == 429) {
                    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                }
                return writeWith(Mono.fromSupplier(() -> bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
