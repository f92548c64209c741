package in.mdm.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventConsumers;
import in.mdm.platform.testapp.ProbeEventConsumer;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's typed, batched consumption as a service lives it
 * ({@link ProbeEventConsumer} on a broker of this class's own): a poll is one transaction
 * with the inbox, a redelivered event changes nothing, a poison or undecodable event goes
 * to the dead-letter topic alone while the rest of its poll goes through, and a poll
 * whose commit fails after the handler's writes leaves nothing behind and is delivered
 * again.
 */
class EventConsumerIntegrationTests {

    private static final CloudEventCodec CODEC = new CloudEventCodec(EventCatalog.events(), URI.create("urn:mdm:test"));

    private static final String DLT = SchoolTopics.SCHOOLS + ".DLT";

    private static KafkaServer kafka;

    private static ConfigurableApplicationContext service;

    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        kafka = ProbeRuns.ownBroker(SchoolTopics.SCHOOLS, DLT);
        service = ProbeRuns.start(kafka.bootstrapServers(), List.of("--probe.consumer.enabled=true",
                "--mdm.events.consumer.retry-interval=50ms", "--mdm.events.consumer.max-poll-records=500"));
        jdbc = service.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void reset() {
        ProbeEventConsumer.listCalls.set(0);
        ProbeEventConsumer.commitFailures.set(0);
    }

    @Test
    void theConsumerIsSubscribedByItsHandlersEventsInTheGroupOfItsName() {
        assertThat(service.getBean(EventConsumers.class).subscriptions()).containsEntry("probe-service.consumer",
                List.of(SchoolTopics.SCHOOLS));
        assertThat(EventConsumers.groupId("finance-service", "finance.school-directory"))
            .isEqualTo("finance-service.school-directory");
    }

    @Test
    void aPollIsAppliedOnceAndARedeliveryChangesNothing() {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(registered("3301" + String.format("%07d", i), "School " + i));
        }
        events.add(updated("33010000007", "Renamed"));
        send(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("3301%") == 301);
        assertThat(jdbc.sql("select name from consumed_probes where name like 'updated:%'").query(String.class).list())
            .containsExactly("updated:Renamed");

        send(events); // the same events again, as a producer's resend would deliver them
        send(List.of(registered("33010999999", "Marker after the repeat")));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("33010999999") == 1);
        assertThat(rows("3301%")).as("each event handled once").isEqualTo(302);
        assertThat(jdbc.sql("select count(distinct event_id) from consumed_probes where udise_code like '3301%'")
            .query(Long.class)
            .single()).isEqualTo(302);
    }

    @Test
    void aPoisonEventAndAnUndecodableRecordAreDeadLetteredAloneAndTheRestGoesThrough() throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(registered("3302" + String.format("%07d", i), i == 40 ? "POISON" : "School " + i));
        }
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(SchoolTopics.SCHOOLS, "33029999999", "not a cloud event".getBytes()))
                .get(10, TimeUnit.SECONDS);
        }
        send(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("3302%") == 99);

        List<ConsumerRecord<String, byte[]>> dead = new KafkaProbe(kafka.bootstrapServers()).readAll(DLT,
                Duration.ofSeconds(5));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("33020000040", "33029999999");
        ConsumerRecord<String, byte[]> poison = dead.stream()
            .filter(r -> r.key().equals("33020000040"))
            .findFirst()
            .orElseThrow();
        assertThat(new String(poison.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value()))
            .contains("cannot handle school 33020000040");
        assertThat(new String(poison.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value()))
            .isEqualTo(SchoolTopics.SCHOOLS);
        assertThat(rows("33020000040")).isZero();
    }

    @Test
    void aPollWhoseCommitFailsAfterTheHandlersWritesLeavesNothingAndIsDeliveredAgain() {
        ProbeEventConsumer.commitFailures.set(1);
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(registered("3303" + String.format("%07d", i), i == 25 ? "FAIL-AT-COMMIT" : "School " + i));
        }
        send(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("3303%") == 50);
        assertThat(ProbeEventConsumer.commitFailures.get()).as("the injected failure happened").isZero();
        assertThat(ProbeEventConsumer.listCalls.get()).as("the failed poll was handed over again")
            .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(distinct event_id) from consumed_probes where udise_code like '3303%'")
            .query(Long.class)
            .single()).as("nothing of the failed attempt is left").isEqualTo(50);
        assertThat(jdbc
            .sql("select count(*) from processed_events where consumer = 'probe.consumer' and event_id in ("
                    + "select event_id::text from consumed_probes where udise_code like '3303%')")
            .query(Long.class)
            .single()).isEqualTo(50);
    }

    /**
     * A database outage across several attempts: the listener holds its poll and tries it
     * again until the database takes it, while more events arrive behind it; every event,
     * those of the failing poll and those after it, is applied exactly once.
     */
    @Test
    void aPollFailingInTheDatabaseSeveralTimesIsHeldAndAppliedAndNothingBehindItIsSkipped() throws Exception {
        ProbeEventConsumer.commitFailures.set(3);
        int before = ProbeEventConsumer.listCalls.get();
        List<DomainEvent> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(registered("3304" + String.format("%07d", i), i == 10 ? "FAIL-AT-COMMIT" : "School " + i));
        }
        send(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> ProbeEventConsumer.commitFailures.get() < 3);
        List<DomainEvent> behind = new ArrayList<>();
        for (int i = 40; i < 80; i++) {
            behind.add(registered("3304" + String.format("%07d", i), "School " + i));
        }
        send(behind);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("3304%") == 80);
        assertThat(ProbeEventConsumer.commitFailures.get()).as("every injected failure happened").isZero();
        assertThat(ProbeEventConsumer.listCalls.get() - before).as("the failing poll was tried again")
            .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(distinct event_id) from consumed_probes where udise_code like '3304%'")
            .query(Long.class)
            .single()).isEqualTo(80);
    }

    private static long rows(String udiseLike) {
        return jdbc.sql("select count(*) from consumed_probes where udise_code like ?")
            .param(udiseLike)
            .query(Long.class)
            .single();
    }

    private static SchoolRegistered registered(String udise, String name) {
        return new SchoolRegistered(UUID.randomUUID(), Instant.now(), udise, name, "568", "6301", "PRIMARY",
                "GOVERNMENT", "RURAL", true);
    }

    private static SchoolUpdated updated(String udise, String name) {
        return new SchoolUpdated(UUID.randomUUID(), Instant.now(), udise, name, "568", "6301", "PRIMARY", "GOVERNMENT",
                "RURAL", true);
    }

    private static void send(List<DomainEvent> events) {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "linger.ms", "5"), new StringSerializer(),
                new CloudEventSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (DomainEvent event : events) {
                sent.add(producer
                    .send(new ProducerRecord<>(SchoolTopics.SCHOOLS, event.aggregateId(), CODEC.encode(event))));
            }
            for (java.util.concurrent.Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
