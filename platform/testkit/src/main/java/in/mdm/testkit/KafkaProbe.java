package in.mdm.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the beginning, as a fresh consumer group, to see what a service
 * really published.
 */
public final class KafkaProbe {

    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A probe on the test JVM's broker. */
    public static KafkaProbe onTestBroker() {
        return new KafkaProbe(Infrastructure.kafka().bootstrapServers());
    }

    /** The first record with the key, waiting for it up to {@code timeout}. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        return awaitRecord(topic, key, Duration.ofSeconds(30));
    }

    /**
     * Every record on the topic read within {@code window} (give producers time to have
     * sent).
     */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration window) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            return records;
        }
    }

    /** The keys of every record on the topic read within {@code window}. */
    public List<String> keys(String topic, Duration window) {
        return readAll(topic, window).stream().map(ConsumerRecord::key).toList();
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

}
