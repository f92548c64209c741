package in.mdm.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.testapp.ProbeApplication.BatchProbeService;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.FreePorts;
import in.mdm.testkit.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Batched publication as a bulk operation lives it: thousands of events are a few outbox
 * entries written with the change, every event reaches Kafka as the single-event outbox
 * sends it, a rollback publishes nothing, and a batch that could not be sent (Kafka
 * unreachable) is sent whole after a restart.
 */
class OutboxBatchIntegrationTests {

    private static final List<String> TOPICS = List.of(SchoolTopics.SCHOOLS, SchoolTopics.ENROLLMENTS);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * A broker of this class's own: its thousands of school events stay away from the
     * topics other tests read.
     */
    private static KafkaServer kafka;

    @BeforeAll
    static void startOwnBroker() {
        kafka = ProbeRuns.ownBroker(SchoolTopics.SCHOOLS, SchoolTopics.ENROLLMENTS);
    }

    @AfterAll
    static void stopOwnBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void fiveThousandEventsAreThreeOutboxEntriesAndAllReachKafkaAsSingleEventsWould() {
        String marker = marker();
        List<DomainEvent> events = importEvents(marker, 2500);
        try (ConfigurableApplicationContext context = start(kafka.bootstrapServers())) {
            BatchProbeService probes = context.getBean(BatchProbeService.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            double sentBefore = meters.counter("mdm.events.batched.sent").count();

            long started = System.nanoTime();
            long entries = probes.publish(probeCode(), events, marker, false);
            long committed = System.nanoTime();

            assertThat(entries).as("5,000 events in batches of 2,000, counted inside the transaction").isEqualTo(3);
            Map<String, List<ConsumerRecord<String, byte[]>>> received = awaitEvents(events);
            await().atMost(PATIENCE).until(() -> entries(jdbc, marker) == 0L);
            System.out.printf(
                    "5,000 events in batches: transaction %d ms, all sent and outbox entries completed %d ms after commit%n",
                    (committed - started) / 1_000_000, (System.nanoTime() - committed) / 1_000_000);
            CloudEventCodec codec = context.getBean(CloudEventCodec.class);
            for (DomainEvent event : events) {
                List<ConsumerRecord<String, byte[]>> copies = received.get(event.eventId().toString());
                assertThat(copies).as("records of event %s", event.eventId()).hasSize(1);
                assertSentAsSingleEvent(codec, event, copies.getFirst());
            }
            assertThat(meters.counter("mdm.events.batched.sent").count() - sentBefore).isGreaterThanOrEqualTo(5000);
            assertThat(meters.find("mdm.events.batch.send").tag("outcome", "success").timer().count())
                .isGreaterThanOrEqualTo(3);
            // Boot's executor backs off for any other executor that is a default
            // candidate (by type, TaskExecutor also
            // finds the task scheduler the platform enables for scheduled jobs)
            assertThat(context.containsBean("applicationTaskExecutor"))
                .as("the batch executor leaves the application task executor in place")
                .isTrue();
        }
    }

    @Test
    void anEventSentInABatchIsTheRecordTheSingleEventOutboxSends() {
        try (ConfigurableApplicationContext context = start(kafka.bootstrapServers())) {
            BatchProbeService probes = context.getBean(BatchProbeService.class);
            String marker = marker();
            SchoolRegistered event = school(marker, 7_654_321);

            probes.publishOne(event);
            ConsumerRecord<String, byte[]> single = awaitEvents(List.of(event)).get(event.eventId().toString())
                .getFirst();
            // inside an observation, as the HTTP server opens one around every request
            Tracer tracer = context.getBean(Tracer.class);
            String[] traceId = new String[1];
            Observation.createNotStarted("import-schools", context.getBean(ObservationRegistry.class)).observe(() -> {
                traceId[0] = tracer.currentSpan().context().traceId();
                probes.publish(probeCode(), List.of(event), marker, false);
            });

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                records.clear();
                records.addAll(awaitEvents(List.of(event)).get(event.eventId().toString()));
                return records.size() >= 2;
            });
            assertThat(records).as("the same event sent both ways").hasSize(2);
            assertThat(records.getFirst().offset()).isEqualTo(single.offset());
            ConsumerRecord<String, byte[]> batched = records.get(1);
            assertThat(batched.topic()).isEqualTo(single.topic()).isEqualTo(SchoolTopics.SCHOOLS);
            assertThat(batched.partition()).isEqualTo(single.partition());
            assertThat(batched.key()).isEqualTo(single.key()).isEqualTo(event.udiseCode());
            assertThat(batched.value()).isEqualTo(single.value());
            assertThat(headers(batched).keySet()).as("header names")
                .isEqualTo(headers(single).keySet())
                .contains("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_partitionkey", "content-type");
            assertThat(headers(batched).get("traceparent")).as("the batch travels in the trace that wrote it")
                .contains(traceId[0]);
            headers(single).forEach((name, value) -> {
                if (!name.equals("traceparent")) {
                    assertThat(headers(batched).get(name)).as("header " + name).isEqualTo(value);
                }
            });
            assertSentAsSingleEvent(context.getBean(CloudEventCodec.class), event, batched);
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothingAndMisuseIsRefused() {
        try (ConfigurableApplicationContext context = start(kafka.bootstrapServers())) {
            BatchProbeService probes = context.getBean(BatchProbeService.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            EventBatches batches = context.getBean(EventBatches.class);
            String rolledBackMarker = marker();
            String rolledBackProbe = probeCode();
            List<DomainEvent> rolledBack = importEvents(rolledBackMarker, 1500);

            assertThatThrownBy(() -> probes.publish(rolledBackProbe, rolledBack, rolledBackMarker, true))
                .hasMessageContaining("failure after publishing");
            assertThatThrownBy(() -> batches.publish(List.of(school(rolledBackMarker, 1)))).as("outside a transaction")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("active transaction");
            record Stranger(UUID eventId, Instant occurredAt, String aggregateId) implements DomainEvent {
            }
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> batches.publish(List
                .of(school(rolledBackMarker, 2), new Stranger(UUID.randomUUID(), Instant.now(), rolledBackMarker)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stranger");
            transactions.executeWithoutResult(status -> batches.publish(List.of()));

            String committedMarker = marker();
            List<DomainEvent> committed = importEvents(committedMarker, 10);
            probes.publish(probeCode(), committed, committedMarker, false);
            awaitEvents(committed);

            assertThat(jdbc.sql("select count(*) from probes where udise_code = ?")
                .param(rolledBackProbe)
                .query(Long.class)
                .single()).isZero();
            assertThat(entries(jdbc, rolledBackMarker)).isZero();
            List<String> ids = rolledBack.stream().map(e -> e.eventId().toString()).toList();
            assertThat(readAll(Duration.ofSeconds(3))).extracting(OutboxBatchIntegrationTests::eventId)
                .doesNotContainAnyElementsOf(ids);
        }
    }

    @Test
    void aBatchWrittenWhileKafkaIsUnreachableIsSentWholeAfterRestart() {
        String marker = marker();
        List<DomainEvent> events = importEvents(marker, 1250);
        try (ConfigurableApplicationContext offline = start("127.0.0.1:" + FreePorts.next(), true)) {
            assertThat(offline.getBean(BatchProbeService.class).publish(probeCode(), events, marker, false))
                .isEqualTo(2);
            MeterRegistry meters = offline.getBean(MeterRegistry.class);
            await().atMost(PATIENCE)
                .until(() -> meters.find("mdm.events.batch.send").tag("outcome", "failure").timer() != null
                        && meters.find("mdm.events.batch.send").tag("outcome", "failure").timer().count() >= 2);
            assertThat(entries(offline.getBean(JdbcClient.class), marker)).as("both batches stay in the outbox")
                .isEqualTo(2);
        }
        List<String> ids = events.stream().map(e -> e.eventId().toString()).toList();
        assertThat(readAll(Duration.ofSeconds(3))).as("nothing reached Kafka while it was unreachable")
            .extracting(OutboxBatchIntegrationTests::eventId)
            .doesNotContainAnyElementsOf(ids);

        try (ConfigurableApplicationContext online = start(kafka.bootstrapServers())) {
            Map<String, List<ConsumerRecord<String, byte[]>>> received = awaitEvents(events);
            CloudEventCodec codec = online.getBean(CloudEventCodec.class);
            for (DomainEvent event : events) {
                List<ConsumerRecord<String, byte[]>> copies = received.get(event.eventId().toString());
                assertThat(copies).as("records of event %s, delivered once", event.eventId()).hasSize(1);
                assertSentAsSingleEvent(codec, event, copies.getFirst());
            }
            JdbcClient jdbc = online.getBean(JdbcClient.class);
            await().atMost(PATIENCE).until(() -> entries(jdbc, marker) == 0L);
        }
    }

    @Test
    void aBatchLeftUnsentIsSentByThePeriodicResubmissionWithoutARestart() {
        String marker = marker();
        List<DomainEvent> events = importEvents(marker, 5);
        try (ConfigurableApplicationContext offline = start("127.0.0.1:" + FreePorts.next(), true)) {
            assertThat(offline.getBean(BatchProbeService.class).publish(probeCode(), events, marker, false))
                .isEqualTo(1);
            MeterRegistry meters = offline.getBean(MeterRegistry.class);
            await().atMost(PATIENCE)
                .until(() -> meters.find("mdm.events.batch.send").tag("outcome", "failure").timer() != null);
        }

        // no republication at start: only OutboxResubmitter, every second, may send the
        // batch; its last send failed, so it goes once resubmit-failed-after has passed,
        // long before the ten minutes any other unsent row waits
        try (ConfigurableApplicationContext online = start(kafka.bootstrapServers(), false,
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--mdm.events.resubmit-interval=1s", "--mdm.events.resubmit-older-than=10m",
                "--mdm.events.resubmit-failed-after=1s")) {
            Map<String, List<ConsumerRecord<String, byte[]>>> received = awaitEvents(events);
            CloudEventCodec codec = online.getBean(CloudEventCodec.class);
            for (DomainEvent event : events) {
                assertThat(received.get(event.eventId().toString())).as("records of event %s", event.eventId())
                    .hasSize(1);
                assertSentAsSingleEvent(codec, event, received.get(event.eventId().toString()).getFirst());
            }
            await().atMost(PATIENCE).until(() -> entries(online.getBean(JdbcClient.class), marker) == 0L);
        }
    }

    private static void assertSentAsSingleEvent(CloudEventCodec codec, DomainEvent event,
            ConsumerRecord<String, byte[]> record) {
        CloudEvent expected = codec.encode(event);
        CloudEvent actual = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(record.topic()).isEqualTo(EventCatalog.events().forClass(event.getClass()).topic());
        assertThat(record.key()).isEqualTo(event.aggregateId());
        assertThat(actual.getId()).isEqualTo(expected.getId());
        assertThat(actual.getType()).isEqualTo(expected.getType());
        assertThat(actual.getSource()).isEqualTo(expected.getSource());
        assertThat(actual.getSubject()).isEqualTo(expected.getSubject());
        assertThat(actual.getTime()).isEqualTo(expected.getTime());
        assertThat(actual.getDataContentType()).isEqualTo(expected.getDataContentType());
        assertThat(actual.getExtension(CloudEventCodec.PARTITION_KEY)).isEqualTo(event.aggregateId());
        assertThat(actual.getData().toBytes()).isEqualTo(expected.getData().toBytes());
        assertThat(codec.decode(actual)).isEqualTo(event);
    }

    /**
     * Every record of the events, by event id, once all have arrived (and a moment more,
     * to see repeats).
     */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> awaitEvents(List<? extends DomainEvent> events) {
        Map<String, List<ConsumerRecord<String, byte[]>>> received = new HashMap<>();
        for (DomainEvent event : events) {
            received.put(event.eventId().toString(), new ArrayList<>());
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(PATIENCE).until(() -> {
                poll(consumer, received);
                return received.values().stream().noneMatch(List::isEmpty);
            });
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < end) {
                poll(consumer, received);
            }
        }
        return received;
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer,
            Map<String, List<ConsumerRecord<String, byte[]>>> received) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            List<ConsumerRecord<String, byte[]>> copies = received.get(eventId(record));
            if (copies != null) {
                copies.add(record);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(Duration window) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "batch-probe-" + UUID.randomUUID(),
                        "auto.offset.reset", "earliest", "max.poll.records", "2000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(TOPICS);
        return consumer;
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static long entries(JdbcClient jdbc, String marker) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
            .param("%" + marker + "%")
            .query(Long.class)
            .single();
    }

    /**
     * Schools and their enrollments, interleaved as an import publishes them; every event
     * holds the marker.
     */
    private static List<DomainEvent> importEvents(String marker, int schools) {
        int base = ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000);
        List<DomainEvent> events = new ArrayList<>(schools * 2);
        for (int i = 0; i < schools; i++) {
            SchoolRegistered school = school(marker, base + i);
            events.add(school);
            events.add(new EnrollmentUpdated(DomainEvent.newId(), Instant.now(), school.udiseCode(), marker, "6301",
                    "2026-27", 100 + i % 300, 40 + i % 120));
        }
        return events;
    }

    private static SchoolRegistered school(String marker, int number) {
        return new SchoolRegistered(DomainEvent.newId(), Instant.now(), String.format("3398%07d", number),
                "GOVT PRIMARY SCHOOL " + number, marker, "6301", "PRIMARY", "GOVERNMENT", "RURAL", true);
    }

    /**
     * A district code no other test uses, found in the stored text of every event that
     * carries it.
     */
    private static String marker() {
        return "T" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    private static String probeCode() {
        return "3397" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static ConfigurableApplicationContext start(String kafkaBootstrap) {
        return start(kafkaBootstrap, false);
    }

    private static ConfigurableApplicationContext start(String kafkaBootstrap, boolean unreachable, String... more) {
        List<String> arguments = new ArrayList<>();
        // unless a test says otherwise, only a restart sends an outstanding batch: no
        // periodic resubmission
        if (Arrays.stream(more).noneMatch(argument -> argument.startsWith("--mdm.events.resubmit-interval="))) {
            arguments.add("--mdm.events.resubmit-interval=10m");
        }
        if (unreachable) {
            // fail fast: the producer waits 2 s for metadata, and no observation asks the
            // unreachable cluster for its id
            arguments.addAll(List.of("--spring.kafka.producer.properties.max.block.ms=2000",
                    "--spring.kafka.admin.operation-timeout=2", "--spring.kafka.admin.close-timeout=1s",
                    "--spring.kafka.template.observation-enabled=false", "--mdm.events.batch-send-timeout=5s"));
        }
        arguments.addAll(List.of(more));
        return ProbeRuns.start(kafkaBootstrap, arguments);
    }

}
