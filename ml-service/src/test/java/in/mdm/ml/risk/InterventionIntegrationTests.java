package in.mdm.ml.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.StockLow;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interventions for a school at risk under the cold-start model: ranked by expected risk
 * reduction for the children per rupee, the stock intervention taking most of the risk
 * away from a school with half a day of stock; accepted, tracked and evaluated after 30
 * days; every endpoint within the caller's jurisdiction.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterventionIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final String DISTRICT = "589";

    static final String OTHER = "590";

    /** Half a day of rice, deliveries late, the last two days without a meal. */
    static final String SHORT = "33890900301";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ColdStartModel coldStart;

    @Autowired
    ActiveModel active;

    @Autowired
    InterventionService interventions;

    @BeforeAll
    void aSchoolAtRiskUnderTheColdStartModel() throws Exception {
        jdbc.sql("delete from model_audit where name = :n").param("n", RiskSettings.MODEL).update();
        jdbc.sql("delete from models where name = :n").param("n", RiskSettings.MODEL).update();
        coldStart.registerIfEmpty();
        active.refresh();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        SchoolCalendar calendar = SchoolCalendar.standard();
        List<LocalDate> days = new ArrayList<>(List.of(today));
        for (LocalDate d = today.minusDays(1); days.size() < 30; d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days.addFirst(d);
            }
        }
        send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), now, SHORT, "School " + SHORT, DISTRICT,
                "6310", "Primary", "Department of Education", "Rural", true));
        send(SchoolTopics.ENROLLMENTS,
                new EnrollmentUpdated(DomainEvent.newId(), now, SHORT, DISTRICT, "6310", "2026-27", 160, 40));
        send(SchoolTopics.STOCK, new StockLow(DomainEvent.newId(), now, SHORT, "RICE", new BigDecimal("11.000"),
                new BigDecimal("0.5"), "LOW"));
        for (String commodity : List.of("RICE", "PULSES")) {
            send(SchoolTopics.DELIVERIES, new DeliveryDelayed(DomainEvent.newId(), now, UUID.randomUUID(), SHORT,
                    "S589-01", commodity, today.minusDays(1), 1, null));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from site_stock where site = '" + SHORT + "'") == 1
                    && count("select count(*) from school_features where udise_code = '" + SHORT
                            + "' and enrollment = 200") == 1);
        for (int k = 0; k < days.size(); k++) {
            boolean noStock = k >= days.size() - 2;
            send(SchoolTopics.MEALS, new DailyMealReported(DomainEvent.newId(), now, SHORT, days.get(k), 145, 35,
                    noStock ? 0 : 180, noStock ? "NO_STOCK" : null, "WEB"));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from risk_scores where udise_code = '" + SHORT + "' and for_date = '"
                    + today + "' and score >= 70") == 1);
    }

    @Test
    void theRankedInterventionsTakeTheStockRiskAwayWithinTheCallersJurisdiction() {
        ResponseEntity<List> ranked = http.exchange("/api/v1/ml/interventions?districtCode=" + DISTRICT, HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.officer(DISTRICT))), List.class);
        assertThat(ranked.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> items = ranked.getBody();
        assertThat(items).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsEntry("udiseCode", SHORT);
            assertThat(((Number) r.get("riskAfter")).doubleValue())
                .isLessThan(((Number) r.get("riskNow")).doubleValue());
            assertThat(((Number) r.get("costRupees")).intValue()).isPositive();
        });
        List<Double> priorities = items.stream().map(r -> ((Number) r.get("priority")).doubleValue()).toList();
        assertThat(priorities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        Map<String, Object> storage = items.stream()
            .filter(r -> r.get("kind").equals("INFRASTRUCTURE"))
            .findFirst()
            .orElseThrow();
        assertThat(((Number) storage.get("riskNow")).doubleValue()).isGreaterThanOrEqualTo(70);
        assertThat(((Number) storage.get("riskAfter")).doubleValue()).as("two weeks of stock in hand")
            .isLessThan(((Number) storage.get("riskNow")).doubleValue() - 10);

        ResponseEntity<List> other = http.exchange("/api/v1/ml/interventions", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.officer(OTHER))), List.class);
        assertThat(other.getBody()).as("another district's officer sees none of this district's schools").isEmpty();
        assertProblem(
                http.exchange("/api/v1/ml/interventions?districtCode=" + DISTRICT, HttpMethod.GET,
                        new HttpEntity<>(TestTokens.bearer(TestTokens.officer(OTHER))), Map.class),
                HttpStatus.NOT_FOUND, "area.not-found");
        assertThat(get(TestTokens.admin(), "/api/v1/ml/interventions?kind=MIRACLE").getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAcceptedInterventionIsTrackedOnceAndEvaluatedWhenItsOutcomeIsDue() {
        Map<String, Object> request = Map.of("udiseCode", SHORT, "kind", "SUPPLY_CHAIN_CHANGE", "note", "new supplier");
        assertThat(post(TestTokens.officer(OTHER), request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(TestTokens.school(SHORT), request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> accepted = post(TestTokens.officer(DISTRICT), request);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED").containsEntry("kind", "SUPPLY_CHAIN_CHANGE");
        double before = ((Number) accepted.getBody().get("riskBefore")).doubleValue();
        assertThat(((Number) accepted.getBody().get("riskExpected")).doubleValue()).isLessThanOrEqualTo(before);
        ResponseEntity<Map> again = post(TestTokens.officer(DISTRICT), request);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("code", "ml.intervention.open");
        assertThat(post(TestTokens.admin(), Map.of("udiseCode", SHORT, "kind", "MIRACLE")).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(interventions.recordOutcomes()).as("not due for 30 days").isZero();
        jdbc.sql("update interventions set outcome_due = current_date - 1 where udise_code = :u")
            .param("u", SHORT)
            .update();
        assertThat(interventions.recordOutcomes()).isEqualTo(1);
        Map<String, Object> page = get(TestTokens.officer(DISTRICT), "/api/v1/ml/interventions/accepted").getBody();
        assertThat((List<Map<String, Object>>) page.get("items")).singleElement()
            .satisfies(t -> assertThat(t).containsEntry("status", "EVALUATED").containsKey("riskAfter"));
        assertThat((List<?>) get(TestTokens.officer(OTHER), "/api/v1/ml/interventions/accepted").getBody().get("items"))
            .isEmpty();
        assertThat(count("select count(*) from audit_trail where action = 'intervention.accepted'")).isEqualTo(1);
    }

    private ResponseEntity<Map> post(String token, Object body) {
        return http.exchange("/api/v1/ml/interventions", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(token)), Map.class);
    }

    private ResponseEntity<Map> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

    private void send(String topic, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

}
