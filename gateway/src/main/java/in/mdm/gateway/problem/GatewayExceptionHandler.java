package in.mdm.gateway.problem;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.gateway.GatewayProblems;
import in.mdm.gateway.GatewaySettings;

/**
 * Every error the gateway itself answers is a problem with a stable {@code code}: an
 * unknown path is {@code gateway.route-not-found} (not the default HTML or JSON error
 * page), a service that cannot be reached without a fallback is
 * {@code gateway.service-unavailable}, anything unexpected is a logged 500.
 */
@RestControllerAdvice
class GatewayExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final GatewaySettings settings;

    GatewayExceptionHandler(GatewaySettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, GatewayProblems.INTERNAL_ERROR,
                Problems.detailFor(HttpStatus.INTERNAL_SERVER_ERROR));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        if (!(body instanceof ProblemDetail problem)) {
            return super.createResponseEntity(body, headers, status, exchange);
        }
        standardize(problem, status, exchange);
        HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            problemHeaders.set(HttpHeaders.RETRY_AFTER, String.valueOf(settings.fallback().retryAfter().toSeconds()));
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(problem, problemHeaders, status, exchange);
    }

    private static void standardize(ProblemDetail problem, HttpStatusCode status, ServerWebExchange exchange) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            String code = Problems.codeFor(status);
            problem.setType(Problems.TYPE_BASE.resolve(code));
            problem.setProperty("code", code);
            // the framework's own wording may name classes or internals: use ours
            problem.setDetail(Problems.detailFor(status));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        }
    }

}
