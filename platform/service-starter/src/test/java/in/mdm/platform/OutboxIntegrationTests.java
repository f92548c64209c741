package in.mdm.platform;

import java.time.Duration;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.testapp.ProbeApplication.ProbeService;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.FreePorts;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox as a service lives it: events commit with the change or not at all, reach
 * Kafka keyed by aggregate, and an event that could not be sent (Kafka unreachable) is
 * sent after a restart.
 */
class OutboxIntegrationTests {

    @Test
    void anEventWrittenWhileKafkaIsUnreachableIsSentAfterRestart() {
        String udise = "33990000001";
        SchoolRegistered event;
        try (ConfigurableApplicationContext offline = start("127.0.0.1:" + FreePorts.next())) {
            event = offline.getBean(ProbeService.class).register(udise, "Written while Kafka was away", false);
            JdbcClient jdbc = offline.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                    .param("%" + udise + "%")
                    .query(Long.class)
                    .single() == 1L);
        }

        try (ConfigurableApplicationContext online = start(Infrastructure.kafka().bootstrapServers())) {
            ConsumerRecord<String, byte[]> record = KafkaProbe.onTestBroker()
                .awaitRecord(SchoolTopics.SCHOOLS, udise, Duration.ofSeconds(60));
            CloudEvent envelope = KafkaMessageFactory.createReader(record).toEvent();
            assertThat(envelope.getId()).as("the republished event keeps its id").isEqualTo(event.eventId().toString());
            assertThat(envelope.getType()).isEqualTo("in.mdm.school.SchoolRegistered.v1");
            JdbcClient jdbc = online.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                    .param("%" + udise + "%")
                    .query(Long.class)
                    .single() == 0L);
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        try (ConfigurableApplicationContext context = start(Infrastructure.kafka().bootstrapServers())) {
            ProbeService probes = context.getBean(ProbeService.class);
            assertThatThrownBy(() -> probes.register("33990000002", "Rolled back", true))
                .hasMessageContaining("failure after publishing");
            probes.register("33990000003", "Committed", false);

            KafkaProbe.onTestBroker().awaitRecord(SchoolTopics.SCHOOLS, "33990000003");
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(
                    jdbc.sql("select count(*) from probes where udise_code = '33990000002'").query(Long.class).single())
                .isZero();
            assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like '%33990000002%'")
                .query(Long.class)
                .single()).isZero();
            assertThat(KafkaProbe.onTestBroker().keys(SchoolTopics.SCHOOLS, Duration.ofSeconds(3)))
                .contains("33990000003")
                .doesNotContain("33990000002");
        }
    }

    @Test
    void theTraceOfTheRequestThatWroteAnEventTravelsWithItToKafka() {
        try (ConfigurableApplicationContext context = start(Infrastructure.kafka().bootstrapServers())) {
            // an observation, as the HTTP server opens one around every request
            Tracer tracer = context.getBean(Tracer.class);
            String[] traceId = new String[1];
            Observation.createNotStarted("register-school", context.getBean(ObservationRegistry.class)).observe(() -> {
                traceId[0] = tracer.currentSpan().context().traceId();
                context.getBean(ProbeService.class).register("33990000004", "Traced", false);
            });

            ConsumerRecord<String, byte[]> record = KafkaProbe.onTestBroker()
                .awaitRecord(SchoolTopics.SCHOOLS, "33990000004");
            java.util.List<String> names = new java.util.ArrayList<>();
            record.headers().forEach(h -> names.add(h.key()));
            assertThat(record.headers().lastHeader("traceparent")).as("W3C trace context header among " + names)
                .isNotNull();
            assertThat(new String(record.headers().lastHeader("traceparent").value(),
                    java.nio.charset.StandardCharsets.US_ASCII))
                .contains(traceId[0]);
        }
    }

    private static ConfigurableApplicationContext start(String kafkaBootstrap) {
        return ProbeRuns.start(kafkaBootstrap,
                List.of("--spring.kafka.producer.properties.max.block.ms=2000",
                        "--spring.kafka.admin.operation-timeout=2", "--spring.kafka.admin.close-timeout=1s",
                        // only a restart may send an outstanding event: no periodic
                        // resubmission during the test
                        "--mdm.events.resubmit-interval=10m"));
    }

}
