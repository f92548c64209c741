package in.mdm.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate-limit key: the client's IP address. With {@code trustedProxies = 0} it is the
 * address of the TCP connection; behind n proxies it is the n-th address from the right
 * of {@code X-Forwarded-For}, the one the outermost trusted proxy saw, so a client cannot
 * pick its own key by sending the header. Used for anonymous requests;
 * {@link CallerKeyResolver} counts authenticated ones per user.
 */
class ClientIpKeyResolver implements KeyResolver {

    private final RemoteAddressResolver addresses;

    ClientIpKeyResolver(int trustedProxies) {
        this.addresses = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() {
                };
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        if (address == null) {
            return Mono.just("ip:unknown");
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return Mono.just("ip:" + host);
    }

}
