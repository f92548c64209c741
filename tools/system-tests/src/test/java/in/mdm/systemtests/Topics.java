package in.mdm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The suite's Kafka topics as they are: records read from the beginning, and sent again
 * byte for byte, as a broker redelivers them.
 */
final class Topics {

    private Topics() {
    }

    /**
     * Every record of the topic up to its end when the call began that the filter keeps,
     * in offset order per partition; none when the topic does not exist.
     */
    static List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> keep) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSuite.suite().kafkaBootstrap(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)
                    ? consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList()
                    : List.of();
            if (partitions.isEmpty()) {
                return kept;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && keep.test(record)) {
                        kept.add(record);
                    }
                }
            }
        }
        return kept;
    }

    /** The records whose key is one of these. */
    static Predicate<ConsumerRecord<byte[], byte[]>> keyedBy(java.util.Collection<String> keys) {
        return record -> record.key() != null && keys.contains(new String(record.key()));
    }

    /** The records whose value mentions one of these. */
    static Predicate<ConsumerRecord<byte[], byte[]>> mentioning(java.util.Collection<String> texts) {
        return record -> record.value() != null && texts.stream().anyMatch(new String(record.value())::contains);
    }

    /** Sends the records again, byte for byte: same partition, key, value and headers. */
    static void redeliver(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSuite.suite().kafkaBootstrap(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                List<Header> headers = new ArrayList<>();
                record.headers().forEach(headers::add);
                assertThat(headers).as("CloudEvent headers").extracting(Header::key).contains("ce_id", "ce_type");
                producer
                    .send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                            headers))
                    .get();
            }
        }
    }

    /** The record's CloudEvent type ({@code ce_type}). */
    static String type(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type == null ? "" : new String(type.value());
    }

}
