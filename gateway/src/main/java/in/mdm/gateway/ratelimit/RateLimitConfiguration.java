package in.mdm.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.gateway.GatewaySettings;

/**
 * The Redis token-bucket limiter (Spring Cloud Gateway's {@code RequestRateLimiter}) runs
 * as a default filter on every route (application.yml); this supplies the key it counts
 * by: the user of a valid token, else the client address. Over the limit the caller gets
 * a 429 problem (see {@code BodilessErrorProblemFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    KeyResolver callerKeyResolver(GatewaySettings settings) {
        return new CallerKeyResolver(new ClientIpKeyResolver(settings.rateLimit().trustedProxies()));
    }

}
