package in.mdm.gateway.fallback;

import java.net.ConnectException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.gateway.GatewayProblems;
import in.mdm.gateway.GatewaySettings;
import in.mdm.gateway.problem.Problems;

/**
 * Where a route's circuit breaker sends a request its service could not answer: refused
 * connection, no instance registered, time limit passed, breaker open or too many calls
 * in flight. The caller gets a 503 problem naming the service and when to retry, at once.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final GatewaySettings settings;

    FallbackController(GatewaySettings settings) {
        this.settings = settings;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        String name = SERVICE_NAME.matcher(service).matches() ? service : "unknown";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String reason = reason(cause);
        log.warn("{} unavailable ({}) for {} {}: {}", name, reason, exchange.getRequest().getMethod(),
                originalPath(exchange), String.valueOf(cause));

        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, GatewayProblems.SERVICE_UNAVAILABLE,
                "The " + name + " service is not available right now; retry shortly");
        problem.setTitle("Service unavailable");
        problem.setInstance(URI.create(originalPath(exchange)));
        problem.setProperty("service", name);
        problem.setProperty("reason", reason);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(settings.fallback().retryAfter().toSeconds()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    /**
     * Why the call failed, in words that tell an operator where to look and tell a client
     * nothing internal.
     */
    static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return "timeout";
            }
            if (t instanceof CallNotPermittedException) {
                return "circuit-open";
            }
            if ("io.github.resilience4j.bulkhead.BulkheadFullException".equals(t.getClass().getName())) {
                return "busy";
            }
            if (t instanceof NotFoundException) {
                return "no-instance";
            }
            if (t instanceof ConnectException) {
                return "unreachable";
            }
        }
        return "failed";
    }

    private static String originalPath(ServerWebExchange exchange) {
        Set<URI> urls = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (urls != null && !urls.isEmpty()) {
            return urls.iterator().next().getRawPath();
        }
        return exchange.getRequest().getURI().getRawPath();
    }

}
