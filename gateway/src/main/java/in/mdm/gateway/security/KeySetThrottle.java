package in.mdm.gateway.security;

import java.time.Duration;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Fetches an issuer's key set at most once per interval. The JWT decoder fetches the keys
 * again whenever a token names a key id it has not seen (so that a rotated key is found),
 * which would let anyone make the gateway call the key server once per request by sending
 * tokens with made-up key ids. Within the interval after a successful fetch, every fetch
 * is answered with that key set, and concurrent fetches share one request; a failed fetch
 * is not kept, so the next one goes out at once. A key put in use less than an interval
 * after the last fetch is found after at most one interval.
 */
final class KeySetThrottle implements ExchangeFilterFunction {

    private final Duration interval;

    private volatile Mono<Fetched> shared;

    KeySetThrottle(Duration interval) {
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    private record Fetched(HttpStatusCode status, HttpHeaders headers, String body) {
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (interval.isZero() || interval.isNegative()) {
            return next.exchange(request);
        }
        Mono<Fetched> fetch = shared;
        if (fetch == null) {
            synchronized (this) {
                if (shared == null) {
                    // one key server, one request: the first request's exchange serves
                    // every later one
                    shared = next.exchange(request)
                        .flatMap(response -> response.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .map(body -> new Fetched(response.statusCode(), response.headers().asHttpHeaders(), body)))
                        .cache(fetched -> fetched.status().is2xxSuccessful() ? interval : Duration.ZERO,
                                failed -> Duration.ZERO, () -> Duration.ZERO);
                }
                fetch = shared;
            }
        }
        return fetch.map(fetched -> ClientResponse.create(fetched.status())
            .headers(headers -> headers.addAll(fetched.headers()))
            .body(fetched.body())
            .build());
    }

}
