package in.mdm.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings ({@code mdm.gateway.*}).
 *
 * @param fallback what a caller is told when a service cannot answer
 * @param rateLimit how a caller is identified for the rate limit
 * @param ui the dashboard's session cookie
 */
@ConfigurationProperties("mdm.gateway")
public record GatewaySettings(@DefaultValue Fallback fallback, @DefaultValue RateLimit rateLimit, @DefaultValue Ui ui) {

    /**
     * @param secureCookies mark the session cookies {@code Secure} even when the request
     * reached the gateway over plain HTTP (TLS ended at an ingress in front of it); over
     * HTTPS they are always {@code Secure}
     */
    public record Ui(@DefaultValue("false") boolean secureCookies) {
    }

    /**
     * @param retryAfter the {@code Retry-After} a 503 suggests
     */
    public record Fallback(@DefaultValue("5s") Duration retryAfter) {
    }

    /**
     * @param trustedProxies how many proxies in front of the gateway append to
     * {@code X-Forwarded-For}; 0 takes the address of the connection itself, so a client
     * cannot choose its own key
     * @param leaseShare a caller well below its limit takes this share of its per-second
     * rate from Redis at once and spends it here (one Redis round trip for that many
     * requests instead of one each); 0 asks Redis for every request
     * @param leaseFor how long tokens taken that way may be spent before they lapse
     */
    public record RateLimit(@DefaultValue("0") int trustedProxies, @DefaultValue("0.1") double leaseShare,
            @DefaultValue("1s") Duration leaseFor) {
    }
}
