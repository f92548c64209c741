package in.mdm.platform.events;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps Spring Modulith's own Kafka externalizer out: the platform registers its own (see
 * {@link EventsPlatformAutoConfiguration#kafkaEventExternalizer}), which records each
 * send's outcome off Kafka's I/O thread. Both together would send every event twice.
 */
public class ModulithKafkaExternalizerFilter implements AutoConfigurationImportFilter {

    static final String MODULITH_KAFKA_EXTERNALIZER = "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration";

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            matches[i] = !MODULITH_KAFKA_EXTERNALIZER.equals(autoConfigurationClasses[i]);
        }
        return matches;
    }

}
