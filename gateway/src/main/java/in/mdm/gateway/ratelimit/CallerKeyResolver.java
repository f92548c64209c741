package in.mdm.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.platform.security.CallerAuthentication;

/**
 * Rate-limit key: the caller for a request with a valid token
 * ({@code user:<issuer-subject>}), so that officials behind one office NAT do not share a
 * bucket; the client address ({@code ip:<address>}, see {@link ClientIpKeyResolver}) for
 * anonymous requests such as login and password reset.
 */
class CallerKeyResolver implements KeyResolver {

    private final KeyResolver byAddress;

    CallerKeyResolver(KeyResolver byAddress) {
        this.byAddress = byAddress;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
            .filter(CallerAuthentication.class::isInstance)
            .map(principal -> "user:" + ((CallerAuthentication) principal).caller().subject())
            .switchIfEmpty(Mono.defer(() -> byAddress.resolve(exchange)));
    }

}
