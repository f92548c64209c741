package in.mdm.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The per-caller token bucket in Redis (the gateway's own script and per-route
 * configuration of {@link RedisRateLimiter}), without a Redis round trip for every
 * request of a caller far below its limit: such a caller's gateway takes a share of its
 * per-second rate from the bucket at once (a lease) and spends it locally, for at most
 * {@code leaseFor}. When the bucket cannot give a whole lease the caller is near its
 * limit and each request asks Redis for its own token, as without leases. Tokens are
 * always taken from Redis before they are spent, so several gateways never let a caller
 * exceed its limit; a lease that lapses unspent costs the caller at most one share of a
 * second's rate. Redis unreachable: the request passes (as with {@link RedisRateLimiter}:
 * a broken Redis must not stop the state's traffic).
 */
final class LeasingRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    private static final String DEFAULT_FILTERS = "defaultFilters";

    private final RedisRateLimiter configured;

    private final ReactiveStringRedisTemplate redis;

    private final RedisScript<List<Long>> script;

    private final double leaseShare;

    private final long leaseNanos;

    private final LongSupplier nanoTime;

    private final Cache<String, Lease> leases = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(Duration.ofMinutes(1))
        .build();

    /** Tokens taken from Redis and not spent yet, and until when they may be. */
    private static final class Lease {

        long tokens;

        long until;

    }

    LeasingRateLimiter(RedisRateLimiter configured, ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script,
            double leaseShare, Duration leaseFor, LongSupplier nanoTime) {
        this.configured = configured;
        this.redis = redis;
        this.script = script;
        this.leaseShare = leaseShare;
        this.leaseNanos = leaseFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RedisRateLimiter.Config config = config(routeId);
        int requested = config.getRequestedTokens();
        Lease lease = leases.get(routeId + '\n' + id, k -> new Lease());
        long now = nanoTime.getAsLong();
        synchronized (lease) {
            if (lease.until - now > 0 && lease.tokens >= requested) {
                lease.tokens -= requested;
                return Mono.just(new Response(true, configured.getHeaders(config, lease.tokens)));
            }
        }
        long share = (long) Math.floor(Math.min(config.getReplenishRate(), config.getBurstCapacity()) * leaseShare);
        if (share <= requested) {
            return take(routeId, id, config, requested);
        }
        return take(routeId, id, config, share).flatMap(leased -> {
            if (!leased.isAllowed()) {
                // near the limit: this request's own token, exactly as without leases
                return take(routeId, id, config, requested);
            }
            long left;
            synchronized (lease) {
                lease.tokens = (lease.until - nanoTime.getAsLong() > 0 ? lease.tokens : 0) + share - requested;
                lease.until = now + leaseNanos;
                left = lease.tokens;
            }
            return Mono.just(new Response(true, configured.getHeaders(config, left)));
        });
    }

    /** Takes {@code tokens} from the caller's bucket in Redis, all or none. */
    private Mono<Response> take(String routeId, String id, RedisRateLimiter.Config config, long tokens) {
        String prefix = "mdm_rate_limit.{" + routeId + '.' + id + "}.";
        List<String> keys = List.of(prefix + "tokens", prefix + "timestamp");
        List<String> args = List.of(Integer.toString(config.getReplenishRate()),
                Long.toString(config.getBurstCapacity()), "", Long.toString(tokens));
        return redis.execute(script, keys, args)
            .next()
            .map(result -> new Response(result.get(0) == 1L, configured.getHeaders(config, result.get(1))))
            .onErrorResume(unreachable -> Mono.just(new Response(true, configured.getHeaders(config, -1L))));
    }

    private RedisRateLimiter.Config config(String routeId) {
        Map<String, RedisRateLimiter.Config> all = configured.getConfig();
        RedisRateLimiter.Config config = all.get(routeId);
        if (config == null) {
            config = all.get(DEFAULT_FILTERS);
        }
        if (config == null) {
            throw new IllegalArgumentException("No rate limit configured for route " + routeId);
        }
        return config;
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return configured.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return configured.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return configured.newConfig();
    }

}
