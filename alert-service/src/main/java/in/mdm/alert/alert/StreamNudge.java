package in.mdm.alert.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells the live streams of every replica that alerts changed: at once on this replica,
 * over Redis pub/sub on the others. A nudge carries nothing; the streams read the changes
 * from PostgreSQL, so a nudge lost while Redis reconnects only delays them to their next
 * poll ({@code mdm.alerts.stream-poll}).
 */
@Component
class StreamNudge {

    static final String CHANNEL = "mdm.alert.changes";

    private static final Logger log = LoggerFactory.getLogger(StreamNudge.class);

    private final StreamHub hub;

    private final StringRedisTemplate redis;

    StreamNudge(StreamHub hub, StringRedisTemplate redis) {
        this.hub = hub;
        this.redis = redis;
    }

    void changed() {
        hub.wake();
        try {
            redis.convertAndSend(CHANNEL, "changed");
        }
        catch (RuntimeException redisAway) {
            log.debug("No nudge over Redis ({}); the other replicas poll", redisAway.toString());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        RedisMessageListenerContainer alertNudges(RedisConnectionFactory redis, StreamHub hub) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(redis);
            container.addMessageListener((message, pattern) -> hub.wake(), new ChannelTopic(CHANNEL));
            return container;
        }

    }

}
