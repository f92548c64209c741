package in.mdm.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

import in.mdm.testkit.Infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leasing limiter on the test kit's real Redis, with the gateway's own bucket script.
 */
class LeasingRateLimiterTests {

    private static LettuceConnectionFactory connections;

    private static ReactiveStringRedisTemplate redis;

    private static RedisScript<List<Long>> script;

    @BeforeAll
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static void redis() {
        connections = new LettuceConnectionFactory("127.0.0.1", Infrastructure.redis().port());
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        DefaultRedisScript bucket = new DefaultRedisScript<>();
        bucket.setScriptSource(
                new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
        bucket.setResultType(List.class);
        script = bucket;
    }

    @AfterAll
    static void close() {
        connections.destroy();
    }

    private static LeasingRateLimiter limiter(int rate, long burst, double share) {
        RedisRateLimiter configured = new RedisRateLimiter(rate, burst);
        configured.getConfig()
            .put("defaultFilters",
                    new RedisRateLimiter.Config().setReplenishRate(rate).setBurstCapacity(burst).setRequestedTokens(1));
        return new LeasingRateLimiter(configured, redis, script, share, Duration.ofSeconds(1), System::nanoTime);
    }

    @Test
    void aCallerFarBelowItsLimitCostsOneRedisCallPerLeaseNotPerRequest() {
        LeasingRateLimiter limiter = limiter(200, 400, 0.1);
        String caller = "user:" + UUID.randomUUID();
        long before = scriptCalls();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.isAllowed("school-service", caller).block().isAllowed()).isTrue();
        }
        long calls = scriptCalls() - before;
        // 100 requests from leases of 20 tokens: 5 calls (one more if a lease lapsed)
        assertThat(calls).isBetween(5L, 7L);

        LeasingRateLimiter perRequest = limiter(200, 400, 0);
        before = scriptCalls();
        for (int i = 0; i < 20; i++) {
            perRequest.isAllowed("school-service", "user:" + UUID.randomUUID()).block();
        }
        assertThat(scriptCalls() - before).as("without leases, a call a request").isEqualTo(20);
    }

    @Test
    void theLimitStillHoldsAndTheCallerNearItIsRefused() {
        LeasingRateLimiter limiter = limiter(50, 50, 0.1);
        String caller = "user:" + UUID.randomUUID();
        long started = System.nanoTime();
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            RateLimiter.Response response = limiter.isAllowed("school-service", caller).block();
            if (response.isAllowed()) {
                allowed++;
            }
            else {
                refused++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the burst, then the rate for each second begun (Redis refills by whole seconds)
        assertThat(allowed).isLessThanOrEqualTo(50 + 50 * ((int) Math.ceil(seconds) + 1));
        assertThat(refused).isPositive();

        // another caller has a bucket of its own
        assertThat(limiter.isAllowed("school-service", "user:" + UUID.randomUUID()).block().isAllowed()).isTrue();
    }

    private static long scriptCalls() {
        String stats = redis.getConnectionFactory()
            .getReactiveConnection()
            .serverCommands()
            .info("commandstats")
            .block()
            .toString();
        long calls = 0;
        Matcher m = Pattern.compile("cmdstat_(?:evalsha|eval)\\.?calls=(\\d+)|cmdstat_(?:evalsha|eval)=calls=(\\d+)")
            .matcher(stats);
        while (m.find()) {
            calls += Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return calls;
    }

}
