package in.mdm.optimization;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.DemandForecasted;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.optimization.OptimizationTopics;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.StockCounted;
import in.mdm.events.school.TransferExecuted;
import in.mdm.events.school.TransferRefused;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The optimizer end to end: school-service's and ml-service's events fill the planning
 * copy; a calculation recommends transfers; approving puts TransferApproved on Kafka and
 * school-service's TransferExecuted closes the plan; rejecting and refusing; the
 * jurisdiction on every endpoint. Chennai (568): A spares rice, B 5 km away is short;
 * Coimbatore (569): C spares, D 3.7 km away is short. Each school eats 100 meals a day.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class OptimizerIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final CloudEventCodec ML_SERVICE = CloudEventCodec.forService("ml-service");

    static final String A = "33020100301";

    static final String B = "33020100302";

    static final String C = "33120100303";

    static final String D = "33120100304";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @BeforeEach
    void twin() throws Exception {
        http.getRestTemplate().setInterceptors(List.of());
        jdbc.sql("delete from transfer_plans").update();
        jdbc.sql("delete from optimization_runs").update();
        Instant at = Instant.now();
        school(A, "568", "6301", 13.08, 80.27, at);
        school(B, "568", "6301", 13.08, 80.316, at);
        school(C, "569", "6401", 11.0168, 76.9558, at);
        school(D, "569", "6401", 11.0168, 76.99, at);
        stock(A, "568", "6301", "500", at);
        stock(B, "568", "6301", "10", at);
        stock(C, "569", "6401", "500", at);
        stock(D, "569", "6401", "10", at);
        LocalDate today = LocalDate.now(clock);
        for (String school : List.of(A, B, C, D)) {
            for (int day = 0; day < 7; day++) {
                send(MlTopics.FORECASTS, new DemandForecasted(DomainEvent.newId(), at, school, today.plusDays(day), 100,
                        90, 110, "demand-v1"), ML_SERVICE);
            }
        }
        send(MlTopics.RISKS, new RiskScored(DomainEvent.newId(), at, B, today, 80, "HIGH", "risk-v1", List.of()),
                ML_SERVICE);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("planning_sites where site_code in ('" + A + "','" + B + "','" + C + "','" + D
                    + "') and latitude is not null") == 4
                    && count("planning_stock where site_code in ('" + A + "','" + B + "','" + C + "','" + D
                            + "') and observed_at >= '" + at + "'") == 4
                    && count("planning_forecasts where udise_code in ('" + A + "','" + B + "','" + C + "','" + D
                            + "') and observed_at >= '" + at + "'") == 28
                    && count("planning_risk where udise_code = '" + B + "' and observed_at >= '" + at + "'") == 1
                    && count("school_locations where udise_code in ('" + A + "','" + B + "','" + C + "','" + D
                            + "')") == 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsFillTheCopyAndAnOlderEventNeverOverwritesANewerOne() throws Exception {
        assertThat(jdbc.sql("select quantity_kg from planning_stock where site_code = :s and commodity = 'RICE'")
            .param("s", A)
            .query(BigDecimal.class)
            .single()).isEqualByComparingTo("500");
        // an older count of A arrives late: A keeps 500 kg; a kitchen's count is its own
        // site
        UUID kitchen = UUID.randomUUID();
        send(SchoolTopics.STOCK_LEVELS, new StockCounted(DomainEvent.newId(), Instant.now().minusSeconds(3600), A, null,
                "568", "6301", "RICE", new BigDecimal("1"), null, "STOCK_OUT", "SUP-1"), SCHOOL_SERVICE);
        send(SchoolTopics.STOCK_LEVELS, new StockCounted(DomainEvent.newId(), Instant.now(), null, kitchen, "568",
                "6301", "RICE", new BigDecimal("900"), new BigDecimal("4.5"), "ADEQUATE", "SUP-2"), SCHOOL_SERVICE);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("planning_stock where site_code = 'K:" + kitchen + "'") == 1);
        assertThat(jdbc.sql("select quantity_kg from planning_stock where site_code = :s and commodity = 'RICE'")
            .param("s", A)
            .query(BigDecimal.class)
            .single()).isEqualByComparingTo("500");
        assertThat(jdbc
            .sql("select kind || '/' || district_code || '/' || supplier_code from planning_sites"
                    + " where site_code = 'K:" + kitchen + "'")
            .query(String.class)
            .single()).isEqualTo("KITCHEN/568/SUP-2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCalculationRecommendsAnApprovedTransferIsExecutedAndTheJurisdictionHoldsEverywhere() throws Exception {
        Map<String, Object> chennai = done(calculate(TestTokens.officer("568"), """
                {"districtCode":"568","commodity":"RICE"}"""));
        // B needs 70 kg for 7 days and has 10; A keeps 70 + 3 days' 30 kg of its 500
        assertThat(chennai).containsEntry("status", "DONE")
            .containsEntry("progress", 100)
            .containsEntry("recommendations", 1)
            .containsEntry("kgMoved", 60)
            .containsEntry("childrenDays", 600)
            .containsEntry("shortageKgBefore", 60)
            .containsEntry("shortageKgAfter", 0);
        Map<String, Object> coimbatore = done(calculate(TestTokens.admin(), """
                {"districtCode":"569"}"""));
        assertThat(coimbatore).containsEntry("recommendations", 1).containsEntry("kgMoved", 60);

        Map<String, Object> page = get("/api/v1/optimization/recommendations?districtCode=568",
                TestTokens.officer("568"))
            .getBody();
        Map<String, Object> recommendation = ((List<Map<String, Object>>) page.get("items")).getFirst();
        assertThat(recommendation).containsEntry("fromUdiseCode", A)
            .containsEntry("toUdiseCode", B)
            .containsEntry("status", "PROPOSED")
            .containsEntry("source", "OPTIMIZER")
            .containsEntry("quantityKg", 60.0)
            .containsEntry("childrenDays", 600)
            .containsEntry("receiverRisk", 80.0);
        assertThat(((Number) recommendation.get("distanceKm")).doubleValue()).isBetween(4.9, 5.1);
        // 60 kg × (₹0.02 × 4.98 km + ₹0.5)
        assertThat(((Number) recommendation.get("costInr")).doubleValue()).isBetween(35.9, 36.0);
        String chennaiPlan = (String) recommendation.get("id");
        String coimbatorePlan = (String) ((List<Map<String, Object>>) get(
                "/api/v1/optimization/recommendations?districtCode=569", TestTokens.admin())
            .getBody()
            .get("items")).getFirst().get("id");

        // a district's job is the district's: no school's, no block's
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .outsider("the officer of block 6301", TestTokens.blockOfficer("6301"))
            .outsider("the headmaster of " + A, TestTokens.school(A))
            .read("/api/v1/optimization/calculate/" + chennai.get("id"))
            .verify();
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .insider("the headmaster of the sending school", TestTokens.school(A))
            .insider("the officer of block 6301", TestTokens.blockOfficer("6301"))
            .outsider("the headmaster of " + C, TestTokens.school(C))
            .read("/api/v1/optimization/transfers/" + chennaiPlan)
            .list("/api/v1/optimization/recommendations?size=100", "$.items[*].id", Set.of(chennaiPlan),
                    Set.of(coimbatorePlan))
            .verify();
        // a run's recommendations, to those who share its area (each narrowed to what
        // they
        // see); another district's run or district is not found
        assertThat((List<Map<String, Object>>) get("/api/v1/optimization/recommendations?runId=" + chennai.get("id"),
                TestTokens.school(A))
            .getBody()
            .get("items")).extracting(r -> r.get("id")).containsExactly(chennaiPlan);
        ProblemAssertions.assertProblem(
                get("/api/v1/optimization/recommendations?runId=" + chennai.get("id"), TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "optimization.run.not-found");
        ProblemAssertions.assertProblem(
                get("/api/v1/optimization/recommendations?districtCode=568", TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "area.not-found");

        // calculating, approving and rejecting outside the jurisdiction: as if nothing
        // were
        // there
        ProblemAssertions.assertProblem(calculate(TestTokens.officer("569"), """
                {"districtCode":"568"}"""), HttpStatus.NOT_FOUND, "optimization.scope.not-found");
        ProblemAssertions.assertProblem(calculate(TestTokens.blockOfficer("6301"), """
                {"districtCode":"568"}"""), HttpStatus.NOT_FOUND, "optimization.scope.not-found");
        ProblemAssertions.assertProblem(calculate(TestTokens.admin(), """
                {"blockCode":"9999"}"""), HttpStatus.NOT_FOUND, "optimization.scope.not-found");
        ProblemAssertions.assertProblem(
                put("/api/v1/optimization/approve/" + chennaiPlan, null, TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "optimization.transfer.not-found");
        ProblemAssertions.assertProblem(put("/api/v1/optimization/reject/" + chennaiPlan, """
                {"reason":"no"}""", TestTokens.officer("569")), HttpStatus.NOT_FOUND,
                "optimization.transfer.not-found");
        ProblemAssertions.assertProblem(put("/api/v1/optimization/approve/" + chennaiPlan, null, TestTokens.school(A)),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        // a block officer plans its block
        assertThat(calculate(TestTokens.blockOfficer("6301"), """
                {"blockCode":"6301","commodity":"PULSES"}""").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        // approve: TransferApproved on Kafka, in the audit trail; twice is a conflict
        ResponseEntity<Map> approved = put("/api/v1/optimization/approve/" + chennaiPlan, null,
                TestTokens.officer("568"));
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody()).containsEntry("status", "APPROVED").containsEntry("decidedBy", "deo.568");
        String payload = new String(
                KafkaProbe.onTestBroker().awaitRecord(OptimizationTopics.TRANSFERS, chennaiPlan).value(),
                StandardCharsets.UTF_8);
        assertThat(payload).contains(A, B, "\"quantityKg\":60", "deo.568");
        ProblemAssertions.assertProblem(
                put("/api/v1/optimization/approve/" + chennaiPlan, null, TestTokens.officer("568")),
                HttpStatus.CONFLICT, "optimization.transfer.already-decided");
        Map<String, Object> trail = get(
                "/api/v1/optimization/audit?entityType=transfer&action=transfer.approve" + "&entityId=" + chennaiPlan,
                TestTokens.admin())
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat((Map<String, Object>) entry.get("before")).containsEntry("status", "PROPOSED");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("status", "APPROVED");
        });

        // school-service executed it
        send(SchoolTopics.TRANSFERS, new TransferExecuted(DomainEvent.newId(), Instant.now(),
                UUID.fromString(chennaiPlan), A, B, "RICE", new BigDecimal("60")), SCHOOL_SERVICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXECUTED".equals(status(chennaiPlan)));

        // reject: the reason is required; TransferRejected on Kafka
        ProblemAssertions.assertInvalid(
                put("/api/v1/optimization/reject/" + coimbatorePlan, "{}", TestTokens.officer("569")), "reason");
        ResponseEntity<Map> rejected = put("/api/v1/optimization/reject/" + coimbatorePlan, """
                {"reason":"the road to D is closed"}""", TestTokens.officer("569"));
        assertThat(rejected.getBody()).containsEntry("status", "REJECTED")
            .containsEntry("decisionNote", "the road to D is closed");
        assertThat(
                new String(KafkaProbe.onTestBroker().awaitRecord(OptimizationTopics.TRANSFERS, coimbatorePlan).value(),
                        StandardCharsets.UTF_8))
            .contains("the road to D is closed");
        ProblemAssertions.assertProblem(put("/api/v1/optimization/approve/" + coimbatorePlan, null, TestTokens.admin()),
                HttpStatus.CONFLICT, "optimization.transfer.already-decided");
    }

    @Test
    void aRefusedTransferIsClosedWithItsReason() throws Exception {
        ResponseEntity<Map> proposed = http.exchange("/api/v1/optimization/transfers", HttpMethod.POST,
                new HttpEntity<>("""
                        {"fromUdiseCode":"%s","toUdiseCode":"%s","commodity":"OIL","quantityKg":5,"reason":"by hand"}"""
                    .formatted(B, A), json(TestTokens.admin())),
                Map.class);
        String id = (String) proposed.getBody().get("id");
        assertThat(put("/api/v1/optimization/approve/" + id, null, TestTokens.admin()).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        send(SchoolTopics.TRANSFERS, new TransferRefused(DomainEvent.newId(), Instant.now(), UUID.fromString(id), B, A,
                "OIL", new BigDecimal("5"), "the sending school lacks the stock"), SCHOOL_SERVICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUSED".equals(status(id)));
        assertThat(get("/api/v1/optimization/transfers/" + id, TestTokens.admin()).getBody())
            .containsEntry("outcomeNote", "the sending school lacks the stock");
    }

    @Test
    void badCalculationsAreA400NamingTheField() {
        ProblemAssertions.assertInvalid(calculate(TestTokens.admin(), "{}"), "scope");
        ProblemAssertions.assertInvalid(calculate(TestTokens.admin(), """
                {"districtCode":"568","blockCode":"6301"}"""), "scope");
        ProblemAssertions.assertInvalid(calculate(TestTokens.admin(), """
                {"districtCode":"568","horizonDays":0}"""), "horizonDays");
        ProblemAssertions.assertInvalid(calculate(TestTokens.admin(), """
                {"districtCode":"5x8"}"""), "districtCode");
        ResponseEntity<Map> eggs = calculate(TestTokens.admin(), """
                {"districtCode":"568","commodity":"EGGS"}""");
        assertThat(eggs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemAssertions.assertInvalid(get("/api/v1/optimization/recommendations?status=DONE", TestTokens.admin()),
                "status");
        ProblemAssertions.assertInvalid(
                get("/api/v1/optimization/recommendations?districtCode=abc", TestTokens.admin()), "districtCode");
        ProblemAssertions.assertProblem(get("/api/v1/optimization/calculate/" + UUID.randomUUID(), TestTokens.admin()),
                HttpStatus.NOT_FOUND, "optimization.run.not-found");
        ProblemAssertions.assertProblem(
                put("/api/v1/optimization/approve/" + UUID.randomUUID(), null, TestTokens.admin()),
                HttpStatus.NOT_FOUND, "optimization.transfer.not-found");
    }

    // helpers

    private Map<String, Object> done(ResponseEntity<Map> accepted) {
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) accepted.getBody().get("id");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/optimization/calculate/" + id);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Object status = get("/api/v1/optimization/calculate/" + id, TestTokens.admin()).getBody().get("status");
            return "DONE".equals(status) || "FAILED".equals(status);
        });
        return get("/api/v1/optimization/calculate/" + id, TestTokens.admin()).getBody();
    }

    private void school(String udise, String district, String block, double lat, double lon, Instant at)
            throws Exception {
        send(SchoolTopics.SCHOOLS, new SchoolRegistered(DomainEvent.newId(), at, udise, "School " + udise, district,
                block, "PRIMARY", "GOVERNMENT", "Rural", true, lat, lon, null), SCHOOL_SERVICE);
    }

    private void stock(String udise, String district, String block, String kg, Instant at) throws Exception {
        send(SchoolTopics.STOCK_LEVELS, new StockCounted(DomainEvent.newId(), at, udise, null, district, block, "RICE",
                new BigDecimal(kg), null, "ADEQUATE", null), SCHOOL_SERVICE);
    }

    private void send(String topic, DomainEvent event, CloudEventCodec codec) throws Exception {
        kafka.send(topic, event.aggregateId(), codec.encode(event)).get();
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }

    private String status(String id) {
        return jdbc.sql("select status from transfer_plans where id = cast(:id as uuid)")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private static HttpHeaders json(String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private ResponseEntity<Map> calculate(String token, String body) {
        return http.exchange("/api/v1/optimization/calculate", HttpMethod.POST, new HttpEntity<>(body, json(token)),
                Map.class);
    }

    private ResponseEntity<Map> put(String path, String body, String token) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json(token)), Map.class);
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
