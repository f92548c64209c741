package in.mdm.platform.events;

import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * The keys of a topic's records as they arrive, heard by every replica of a service (a
 * consumer group of its own per instance, from the end of the topic, no inbox): for a
 * local cache that drops what its service's own events say has changed, in every replica.
 * Not for work that must happen once ({@link EventConsumer} is).
 */
public final class KeyBroadcast implements SmartLifecycle {

    private final KafkaMessageListenerContainer<String, byte[]> container;

    /**
     * @param applicationName names this instance's group
     * ({@code <application>-broadcast-<random>})
     * @param keys called with each record's key (null keys are skipped)
     */
    public KeyBroadcast(ConsumerFactory<String, byte[]> consumers, String applicationName, String topic,
            Consumer<String> keys) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(applicationName + "-broadcast-" + UUID.randomUUID());
        Properties kafka = new Properties();
        kafka.setProperty("auto.offset.reset", "latest");
        kafka.setProperty("enable.auto.commit", "false");
        properties.setKafkaConsumerProperties(kafka);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener((MessageListener<String, byte[]>) (ConsumerRecord<String, byte[]> record) -> {
            if (record.key() != null) {
                keys.accept(record.key());
            }
        });
        this.container = new KafkaMessageListenerContainer<>(consumers, properties);
        this.container.setBeanName("mdm-broadcast-" + topic);
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

}
