package in.mdm.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpKeyResolverTests {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 41000);

    @Test
    void withoutTrustedProxiesTheConnectionsAddressIsTheKeyWhateverTheHeadersSay() {
        MockServerWebExchange exchange = exchange("203.0.113.9, 198.51.100.7");

        assertThat(new ClientIpKeyResolver(0).resolve(exchange).block()).isEqualTo("ip:10.0.0.5");
    }

    @Test
    void behindOneProxyTheAddressItAppendedIsTheKeyNotOneTheClientWrote() {
        // the client wrote 203.0.113.9 itself; the proxy appended the address it saw,
        // 198.51.100.7
        MockServerWebExchange exchange = exchange("203.0.113.9, 198.51.100.7");

        assertThat(new ClientIpKeyResolver(1).resolve(exchange).block()).isEqualTo("ip:198.51.100.7");
    }

    @Test
    void behindAProxyThatAddedNoHeaderTheConnectionsAddressIsTheKey() {
        assertThat(new ClientIpKeyResolver(1).resolve(exchange(null)).block()).isEqualTo("ip:10.0.0.5");
    }

    private static MockServerWebExchange exchange(String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/schools")
            .remoteAddress(PROXY);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

}
