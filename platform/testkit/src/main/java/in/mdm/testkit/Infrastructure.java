package in.mdm.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL, Kafka and Redis for the tests of one JVM: each started on first use, on a
 * free loopback port, and stopped when the JVM exits. Every Spring context of the JVM
 * shares them.
 */
public final class Infrastructure {

    private static PostgresServer postgres;

    private static KafkaServer kafka;

    private static RedisServer redis;

    private static boolean hooked;

    private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private Infrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startEphemeral();
            hook();
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.startInProcess();
            hook();
        }
        return kafka;
    }

    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = RedisServer.start(0);
            hook();
        }
        return redis;
    }

    /** Spring properties that point a service at all three servers. */
    public static Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres().jdbcUrl());
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", "");
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", redis().port());
        return properties;
    }

    /**
     * A context that uses the servers: it is closed before they stop, so it never waits
     * for a server that is gone.
     */
    static synchronized void register(ConfigurableApplicationContext context) {
        contexts.add(context);
    }

    private static void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopAll, "mdm-testkit-shutdown"));
        }
    }

    /**
     * Closes the Spring contexts that use the servers, then stops the servers, so no
     * context waits for a server that is gone and no server process outlives the JVM.
     * Called when the test run ends (see {@link StopInfrastructureAfterTests}) and,
     * failing that, by a shutdown hook.
     */
    public static synchronized void stopAll() {
        for (ConfigurableApplicationContext context : contexts.reversed()) {
            try {
                context.close();
            }
            catch (RuntimeException ignored) {
                // closing anyway; the servers stop next
            }
        }
        contexts.clear();
        for (AutoCloseable server : new AutoCloseable[] { kafka, redis, postgres }) {
            if (server != null) {
                try {
                    server.close();
                }
                catch (Exception ignored) {
                    // stopping anyway
                }
            }
        }
        kafka = null;
        redis = null;
        postgres = null;
    }

}
