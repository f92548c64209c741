package in.mdm.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the outbox costs a UDISE import of 110,000 schools (220,000 events in one
 * transaction): time and bytes of the batches written with the change, and the time until
 * every event is on Kafka; against Spring Modulith's row per event for 2,000 events. A
 * measurement, not a check of behaviour: run it on purpose with
 * {@code ./mvnw -B -q -o -pl platform/service-starter verify -Dtest=OutboxBatchMeasurementTests -Dmdm.measure=true}.
 */
@EnabledIfSystemProperty(named = "mdm.measure", matches = "true")
class OutboxBatchMeasurementTests {

    private static final int SCHOOLS = Integer.getInteger("mdm.measure.schools", 110_000);

    private static KafkaServer kafka;

    @BeforeAll
    static void startOwnBroker() {
        kafka = ProbeRuns.ownBroker(SchoolTopics.SCHOOLS, SchoolTopics.ENROLLMENTS);
    }

    @AfterAll
    static void stopOwnBroker() {
        if (offsets != null) {
            offsets.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anImportOf110000SchoolsThroughTheOutbox() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            EventBatches batches = context.getBean(EventBatches.class);
            ApplicationEventPublisher publisher = context;

            // the platform stores the text uncompressed (storage external);
            // -Dmdm.measure.storage=extended compresses it
            // with pglz, to compare
            String storage = System.getProperty("mdm.measure.storage", "external");
            jdbc.sql("alter table event_publication alter column serialized_event set storage "
                    + ("extended".equals(storage) ? "extended" : "external"))
                .update();
            // warm up both paths once (class loading, JIT), then measure
            String warm = marker();
            transactions.executeWithoutResult(status -> batches.publish(events(warm, 5_000)));
            transactions.executeWithoutResult(status -> events(warm, 500).forEach(publisher::publishEvent));
            await().atMost(Duration.ofMinutes(5)).until(() -> rows(jdbc, warm) == 0L && recordsOnKafka() >= 11_000);

            String single = marker();
            List<DomainEvent> few = events(single, 1_000);
            long[] singleStats = new long[3];
            long singleStart = System.nanoTime();
            long[] singleWritten = new long[1];
            transactions.executeWithoutResult(status -> {
                few.forEach(publisher::publishEvent);
                singleWritten[0] = System.nanoTime();
                stats(jdbc, single, singleStats);
            });
            long singleCommitted = System.nanoTime();
            await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> recordsOnKafka() >= 10_000 + 1_000 + 2_000);
            long singleSent = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).until(() -> rows(jdbc, single) == 0L);

            String marker = marker();
            List<DomainEvent> all = events(marker, SCHOOLS);
            long[] batchStats = new long[3];
            long start = System.nanoTime();
            long[] written = new long[1];
            transactions.executeWithoutResult(status -> {
                batches.publish(all);
                written[0] = System.nanoTime();
                stats(jdbc, marker, batchStats);
            });
            long committed = System.nanoTime();
            long expected = 10_000 + 1_000 + 2_000 + all.size();
            await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> recordsOnKafka() >= expected);
            long sent = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).until(() -> rows(jdbc, marker) == 0L);
            assertThat(recordsOnKafka()).as("every event once").isEqualTo(expected);

            jdbc.sql("alter table event_publication alter column serialized_event set storage external").update();
            assertThat(batchStats[0]).isEqualTo((all.size() + batches.batchSize() - 1) / batches.batchSize());
            System.out.printf("""
                    outbox measurement, %,d events (%,d schools) in one transaction through EventBatches (storage %s):
                      %,d rows, %.1f bytes of text per event, %.1f bytes stored per event
                      written in the transaction in %,d ms (%,.0f events/s); commit returned after %,d ms;
                      all on Kafka %,d ms after the start (%,.0f events/s end to end)
                    the same through ApplicationEventPublisher, %,d events:
                      %,d rows, %.1f bytes of text per event, %.1f bytes stored per event
                      written in the transaction in %,d ms (%,.0f events/s); commit returned after %,d ms;
                      all on Kafka %,d ms after the start (%,.0f events/s end to end)
                    """, all.size(), SCHOOLS, storage, batchStats[0], (double) batchStats[1] / all.size(),
                    (double) batchStats[2] / all.size(), ms(written[0] - start),
                    perSecond(all.size(), written[0] - start), ms(committed - start), ms(sent - start),
                    perSecond(all.size(), sent - start), few.size(), singleStats[0],
                    (double) singleStats[1] / few.size(), (double) singleStats[2] / few.size(),
                    ms(singleWritten[0] - singleStart), perSecond(few.size(), singleWritten[0] - singleStart),
                    ms(singleCommitted - singleStart), ms(singleSent - singleStart),
                    perSecond(few.size(), singleSent - singleStart));
        }
    }

    private static void stats(JdbcClient jdbc, String marker, long[] into) {
        jdbc.sql(
                """
                        select count(*), coalesce(sum(octet_length(serialized_event)), 0), coalesce(sum(pg_column_size(serialized_event)), 0)
                        from event_publication where serialized_event like ?""")
            .param("%" + marker + "%")
            .query((rs, n) -> {
                into[0] = rs.getLong(1);
                into[1] = rs.getLong(2);
                into[2] = rs.getLong(3);
                return null;
            })
            .list();
    }

    private static KafkaConsumer<byte[], byte[]> offsets;

    /** All records on the two topics of this class's own broker. */
    private static synchronized long recordsOnKafka() {
        if (offsets == null) {
            offsets = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(SchoolTopics.SCHOOLS, SchoolTopics.ENROLLMENTS)) {
            offsets.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private static long rows(JdbcClient jdbc, String marker) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
            .param("%" + marker + "%")
            .query(Long.class)
            .single();
    }

    private static List<DomainEvent> events(String marker, int schools) {
        List<DomainEvent> events = new ArrayList<>(schools * 2);
        for (int i = 0; i < schools; i++) {
            String udise = String.format("33%09d", i);
            Instant now = Instant.now();
            events.add(new SchoolRegistered(DomainEvent.newId(), now, udise, "GOVT PRIMARY SCHOOL KATTUR " + i, marker,
                    "6301", "PRIMARY", "GOVERNMENT", "RURAL", true));
            events.add(new EnrollmentUpdated(DomainEvent.newId(), now, udise, marker, "6301", "2026-27", 100 + i % 300,
                    40 + i % 120));
        }
        return events;
    }

    private static String marker() {
        return "M" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double perSecond(int events, long nanos) {
        return events * 1e9 / nanos;
    }

    private static ConfigurableApplicationContext start() {
        return ProbeRuns.start(kafka.bootstrapServers(), List.of("--mdm.events.resubmit-interval=10m"));
    }

}
