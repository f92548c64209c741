package in.mdm.school.school;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.KeyBroadcast;

/**
 * Every replica drops a school from its cache when the school's own event says it
 * changed.
 */
@Configuration(proxyBeanMethods = false)
class SchoolCacheConfiguration {

    @Bean
    KeyBroadcast schoolChanges(ConsumerFactory<String, byte[]> consumers, SchoolCache cache,
            @Value("${spring.application.name}") String applicationName) {
        return new KeyBroadcast(consumers, applicationName, SchoolTopics.SCHOOLS, cache::evict);
    }

}
