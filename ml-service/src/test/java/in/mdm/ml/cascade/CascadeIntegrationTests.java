package in.mdm.ml.cascade;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From school-service's events to a cascade: a kitchen of district A runs out with its
 * delivery late, its two schools are exposed with the path from the kitchen, one
 * CascadeRiskDetected goes out and not again for the same situation; the API stays within
 * the caller's jurisdiction (another district's officer gets 404 like an unknown id) and
 * answers bad input with a 400 naming it.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CascadeIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final String A = "591";

    static final String B = "592";

    static final String A1 = "33910800301";

    static final String A2 = "33910800302";

    static final String A3 = "33910900301";

    static final String B1 = "33920800301";

    static final UUID KITCHEN = UUID.fromString("7d1c7a56-0d6e-4a59-9d4c-5a8f0a000001");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    CascadeService cascades;

    @BeforeAll
    void aKitchenOfDistrictARunsOutWithItsDeliveryLate() throws Exception {
        Instant now = Instant.now();
        for (String udise : List.of(A1, A2, A3, B1)) {
            String district = udise.equals(B1) ? B : A;
            String block = udise.equals(A3) ? "6409" : udise.equals(B1) ? "6420" : "6408";
            send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), now.minusSeconds(3600), udise,
                    "School " + udise, district, block, "Primary", "Department of Education", "Rural", true));
        }
        send(SchoolTopics.STOCK, new KitchenStockLow(DomainEvent.newId(), now, KITCHEN, "Central kitchen", A, "6408",
                "RICE", BigDecimal.ZERO, BigDecimal.ZERO, "STOCK_OUT", List.of(A1, A2)));
        send(SchoolTopics.DELIVERIES, new DeliveryDelayed(DomainEvent.newId(), now, UUID.randomUUID(), null, "S339101",
                "RICE", LocalDate.now().minusDays(1), 1, KITCHEN));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from school_features where district_code in ('591', '592')") == 4
                    && count("select count(*) from kitchen_schools where kitchen_id = '" + KITCHEN + "'") == 2
                    && count("select count(*) from delivery_delays where site = '" + KITCHEN + "'") == 1);
    }

    @Test
    void theKitchensSchoolsAreExposedAndPublishedOnceWithThePath() {
        cascades.evaluateAll();
        cascades.evaluateAll();
        assertThat(count("select count(*) from cascade_sources where source_code = '" + KITCHEN + "'")).isEqualTo(1);
        var published = KafkaProbe.onTestBroker().readAll(MlTopics.CASCADES, Duration.ofSeconds(5));
        List<String> keys = published.stream().map(r -> r.key()).filter(KITCHEN.toString()::equals).toList();
        assertThat(keys).as("an unchanged situation publishes nothing the second time").hasSize(1);

        ResponseEntity<Map> own = get(TestTokens.officer(A), "/api/v1/ml/cascade?districtCode=" + A);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> schools = (List<Map<String, Object>>) own.getBody().get("schools");
        assertThat(schools).extracting(s -> s.get("udiseCode")).containsExactlyInAnyOrder(A1, A2);
        assertThat(schools).allSatisfy(s -> {
            assertThat(s.get("level")).isEqualTo("CRITICAL");
            assertThat((List<String>) s.get("path")).first().isEqualTo("KITCHEN:" + KITCHEN);
        });
        List<Map<String, Object>> sources = (List<Map<String, Object>>) own.getBody().get("sources");
        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("kind", "KITCHEN").containsEntry("code", KITCHEN.toString());
            assertThat((List<String>) s.get("affectedUdiseCodes")).containsExactly(A1, A2);
        });
        // block 6408: both schools exposed (early warning); 6409: none
        assertThat((List<Map<String, Object>>) own.getBody().get("blocks"))
            .filteredOn(b -> Boolean.TRUE.equals(b.get("warning")))
            .extracting(b -> b.get("blockCode"))
            .containsExactly("6408");

        ResponseEntity<Map> kitchen = get(TestTokens.officer(A), "/api/v1/ml/cascade/nodes/kitchen/" + KITCHEN);
        assertThat(kitchen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) kitchen.getBody().get("affectedUdiseCodes")).containsExactlyInAnyOrder(A1, A2);
        ResponseEntity<Map> school = get(TestTokens.officer(A), "/api/v1/ml/cascade/nodes/school/" + A1);
        assertThat(school.getBody()).containsEntry("level", "CRITICAL");
    }

    @Test
    void readersShareTheLatestEvaluationAndABurstGetsOneAnswer() throws Exception {
        cascades.evaluateAll();
        Cascade.Assessment first = cascades.latest(A).orElseThrow();
        assertThat(cascades.latest(A).orElseThrow()).as("served again, not made again").isSameAs(first);
        cascades.evaluateAll();
        assertThat(cascades.latest(A).orElseThrow()).as("each evaluation replaces it").isNotSameAs(first);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ResponseEntity<Map>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> get(TestTokens.officer(A), "/api/v1/ml/cascade?districtCode=" + A)));
            }
            Map<?, ?> body = null;
            for (var answer : answers) {
                ResponseEntity<Map> response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                if (body == null) {
                    body = response.getBody();
                }
                assertThat(response.getBody()).isEqualTo(body);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherDistrictsOfficerGetsNotFoundExactlyLikeAnUnknownId() {
        ResponseEntity<Map> other = get(TestTokens.officer(B), "/api/v1/ml/cascade?districtCode=" + A);
        ResponseEntity<Map> unknown = get(TestTokens.officer(B), "/api/v1/ml/cascade?districtCode=99999");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody()).containsEntry("code", "ml.cascade.not-found");
        assertThat(unknown.getBody()).containsEntry("code", "ml.cascade.not-found");
        assertThat(get(TestTokens.officer(B), "/api/v1/ml/cascade/nodes/kitchen/" + KITCHEN).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(TestTokens.officer(B), "/api/v1/ml/cascade/nodes/kitchen/" + UUID.randomUUID()).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(TestTokens.officer(B), "/api/v1/ml/cascade/nodes/school/" + A1).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(TestTokens.officer(B), "/api/v1/ml/cascade?districtCode=" + B).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void badInputIsA400NamingTheProblemNeverA500() {
        ResponseEntity<Map> missing = get(TestTokens.admin(), "/api/v1/ml/cascade");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("districtCode");
        ResponseEntity<Map> letters = get(TestTokens.admin(), "/api/v1/ml/cascade?districtCode=abc");
        assertThat(letters.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(letters.getBody()).containsEntry("code", "request.invalid");
        assertThat(letters.getBody().toString()).contains("districtCode");
        ResponseEntity<Map> kind = get(TestTokens.admin(), "/api/v1/ml/cascade/nodes/truck/K1");
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(kind.getBody().toString()).contains("kind");
        assertThat(get(TestTokens.admin(), "/api/v1/ml/cascade/nodes/kitchen/a$b").getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private void send(String topic, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    private ResponseEntity<Map> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
