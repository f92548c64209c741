package in.mdm.gateway.ratelimit;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import in.mdm.gateway.GatewaySettings;

/**
 * The Redis token-bucket limiter (Spring Cloud Gateway's {@code RequestRateLimiter}) runs
 * as a default filter on every route (application.yml), its buckets spent through local
 * leases ({@link LeasingRateLimiter}); this supplies the key it counts by: the user of a
 * valid token, else the client address. Over the limit the caller gets a 429 problem (see
 * {@code BodilessErrorProblemFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    KeyResolver callerKeyResolver(GatewaySettings settings) {
        return new CallerKeyResolver(new ClientIpKeyResolver(settings.rateLimit().trustedProxies()));
    }

    @Bean
    @Primary
    RateLimiter<RedisRateLimiter.Config> leasingRateLimiter(RedisRateLimiter configured,
            ReactiveStringRedisTemplate redis,
            @Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> script, GatewaySettings settings) {
        return new LeasingRateLimiter(configured, redis, script, settings.rateLimit().leaseShare(),
                settings.rateLimit().leaseFor(), System::nanoTime);
    }

}
