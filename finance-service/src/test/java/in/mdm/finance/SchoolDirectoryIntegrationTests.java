package in.mdm.finance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
class SchoolDirectoryIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");
    static final String CONSUMER = "finance.school-directory";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void adminCalls() {
        http = Http.as(port, TestTokens.admin());
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    MeterRegistry meters;

    @Test
    void schoolRegisteredBuildsTheCopyAndARedeliveryChangesNothing() throws Exception {
        SchoolRegistered registered = registered("33050200101", "PUMS Vellore East",
                Instant.parse("2026-06-10T05:00:00Z"));
        CloudEvent envelope = SCHOOL_SERVICE.encode(registered);
        kafka.send(SchoolTopics.SCHOOLS, registered.aggregateId(), envelope).get();

        Map<String, Object> school = awaitSchool("33050200101");
        assertThat(school).containsEntry("name", "PUMS Vellore East")
            .containsEntry("districtCode", "570")
            .containsEntry("blockCode", "6330")
            .containsEntry("pmPoshanEligible", true)
            .containsEntry("lastEventId", registered.eventId().toString());
        double duplicatesBefore = consumed("duplicate");

        kafka.send(SchoolTopics.SCHOOLS, registered.aggregateId(), envelope).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(http.getForObject("/api/v1/financial/schools/33050200101", Map.class)).isEqualTo(school);
        assertThat(jdbc.sql("select count(*) from processed_events where consumer = ? and event_id = ?")
            .params(CONSUMER, registered.eventId().toString())
            .query(Long.class)
            .single()).isEqualTo(1L);
    }

    @Test
    void aNewerUpdateReplacesTheCopyAndAnOlderOneIsIgnored() throws Exception {
        Instant t0 = Instant.parse("2026-06-11T05:00:00Z");
        send(registered("33050200102", "GPS Katpadi", t0));
        awaitSchool("33050200102");

        SchoolUpdated renamed = updated("33050200102", "GPS Katpadi (Main)", t0.plusSeconds(60));
        send(renamed);
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(http.getForObject("/api/v1/financial/schools/33050200102", Map.class))
                .containsEntry("name", "GPS Katpadi (Main)"));

        SchoolUpdated stale = updated("33050200102", "Stale name", t0.plusSeconds(30));
        double appliedBefore = consumed("applied");
        send(stale);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("applied") > appliedBefore);
        assertThat(http.getForObject("/api/v1/financial/schools/33050200102", Map.class))
            .containsEntry("name", "GPS Katpadi (Main)")
            .containsEntry("lastEventId", renamed.eventId().toString());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", Infrastructure.kafka().bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(SchoolTopics.SCHOOLS, "33050200103",
                    "{\"udiseCode\": broken".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", poisonId.getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_source", "urn:mdm:school-service".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", "in.mdm.school.SchoolRegistered.v1".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }

        ConsumerRecord<String, byte[]> dead = KafkaProbe.onTestBroker()
            .awaitRecord(SchoolTopics.SCHOOLS + ".DLT", "33050200103");
        assertThat(new String(dead.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(poisonId);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();

        send(registered("33050200104", "PUMS after poison", Instant.parse("2026-06-12T05:00:00Z")));
        assertThat(awaitSchool("33050200104")).containsEntry("name", "PUMS after poison");
        assertThat(jdbc.sql("select count(*) from processed_events where event_id = ?")
            .param(poisonId)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void officersAndSchoolsSeeOnlyTheSchoolsOfTheirJurisdiction() {
        Fixtures.school(jdbc, "33060100001", "561", "5610");
        Fixtures.school(jdbc, "33060200001", "562", "5620");
        String path = "/api/v1/financial/schools/33060100001";

        assertThat(Http.as(port, TestTokens.officer("561")).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Http.as(port, TestTokens.school("33060100001")).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        in.mdm.testkit.ProblemAssertions.assertProblem(Http.as(port, TestTokens.officer("562")).get(path),
                HttpStatus.NOT_FOUND, "finance.school.not-found");
        in.mdm.testkit.ProblemAssertions.assertProblem(Http.as(port, TestTokens.school("33060200001")).get(path),
                HttpStatus.NOT_FOUND, "finance.school.not-found");
        // another district named as a filter: not found, as that district's school is
        in.mdm.testkit.ProblemAssertions.assertProblem(
                Http.as(port, TestTokens.officer("562")).get("/api/v1/financial/schools?districtCode=561"),
                HttpStatus.NOT_FOUND, "area.not-found");
        Map<String, Object> own = Http.as(port, TestTokens.blockOfficer("5620"))
            .getForObject("/api/v1/financial/schools", Map.class);
        assertThat((java.util.List<Map<String, Object>>) own.get("items")).extracting(m -> m.get("udiseCode"))
            .containsExactly("33060200001");
    }

    @Test
    void unknownSchoolIsA404AndABadCodeA400() {
        ResponseEntity<Map> missing = http.getForEntity("/api/v1/financial/schools/33999999998", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("code", "finance.school.not-found");

        ResponseEntity<Map> bad = http.getForEntity("/api/v1/financial/schools/abc", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("code", "request.invalid");
    }

    private void send(SchoolRegistered event) throws Exception {
        kafka.send(SchoolTopics.SCHOOLS, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private void send(SchoolUpdated event) throws Exception {
        kafka.send(SchoolTopics.SCHOOLS, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private Map<String, Object> awaitSchool(String udise) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<Map> response = http.getForEntity("/api/v1/financial/schools/" + udise, Map.class);
            return response.getStatusCode() == HttpStatus.OK ? (Map<String, Object>) response.getBody() : null;
        }, java.util.Objects::nonNull);
    }

    private double consumed(String outcome) {
        // one counter per event type: sum them
        return meters.find("mdm.events.consumed")
            .tags("consumer", CONSUMER, "outcome", outcome)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();
    }

    private static SchoolRegistered registered(String udise, String name, Instant at) {
        return new SchoolRegistered(UUID.randomUUID(), at, udise, name, "570", "6330", "PRIMARY", "GOVERNMENT", "RURAL",
                true);
    }

    private static SchoolUpdated updated(String udise, String name, Instant at) {
        return new SchoolUpdated(UUID.randomUUID(), at, udise, name, "570", "6330", "PRIMARY", "GOVERNMENT", "RURAL",
                true);
    }

}
