package in.mdm.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.alert.alert.AlertEngine;
import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.ml.CascadeRiskDetected;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.ml.WeatherWarning;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockLow;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules over each event type, one open alert per subject and type, auto-resolution,
 * roll-ups and escalation after time (on a clock the tests move). District 571 has block
 * 7101 with four schools and block 7102 with one; district 572 block 7201 one school.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@Import(MovableClock.Config.class)
class AlertRulesIntegrationTests {

    static final String A1 = "33050100101";

    static final String A2 = "33050100102";

    static final String A3 = "33050100103";

    static final String A4 = "33050100104";

    static final String B1 = "33050200201";

    static final String OTHER = "33060100101";

    @Autowired
    AlertEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Autowired
    MovableClock clock;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void schoolsAndNoAlerts() {
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alert_changes").update();
        jdbc.sql("delete from alerts").update();
        jdbc.sql("update alert_rules set max_value = 7, updated_by = 'migration' where code = 'stock.low'").update();
        for (String school : List.of(A1, A2, A3, A4)) {
            locations.record(school, "571", "7101", Instant.now(), UUID.randomUUID());
        }
        locations.record(B1, "571", "7102", Instant.now(), UUID.randomUUID());
        locations.record(OTHER, "572", "7201", Instant.now(), UUID.randomUUID());
    }

    @Test
    void riskScoresMapToTheirBandsAndBelowTheBandsRaiseNothing() {
        engine.risks(List.of(risk(A1, 82), risk(A2, 55), risk(A3, 35), risk(A4, 10)));

        assertThat(open(A1, "risk")).containsEntry("severity", "CRITICAL").containsEntry("rule_code", "risk.critical");
        assertThat(open(A2, "risk")).containsEntry("severity", "WARNING").containsEntry("rule_code", "risk.warning");
        assertThat(open(A3, "risk")).containsEntry("severity", "INFO").containsEntry("rule_code", "risk.info");
        assertThat(count(A4)).isZero();
        Map<String, Object> a1 = open(A1, "risk");
        assertThat(a1).containsEntry("scope_level", "SCHOOL")
            .containsEntry("district_code", "571")
            .containsEntry("block_code", "7101")
            .containsEntry("source_event_type", "RiskScored");
        assertThat((String) a1.get("message")).contains("Risk score 82", "rice stock");
    }

    @Test
    void aRepeatRaisesTheCountOfTheOneOpenAlertAndALowerScoreResolvesIt() {
        engine.risks(List.of(risk(A1, 82)));
        clock.advance(Duration.ofHours(1));
        engine.risks(List.of(risk(A1, 75)));
        engine.risks(List.of(risk(A1, 60)));

        assertThat(count(A1)).isOne();
        Map<String, Object> alert = open(A1, "risk");
        assertThat(alert).containsEntry("occurrences", 3).containsEntry("severity", "WARNING");
        assertThat(((java.sql.Timestamp) alert.get("last_seen_at")).toInstant())
            .isAfter(((java.sql.Timestamp) alert.get("raised_at")).toInstant());

        engine.risks(List.of(risk(A1, 12)));

        assertThat(jdbc.sql("select status, resolved_by, resolution from alerts where udise_code = :u")
            .param("u", A1)
            .query()
            .singleRow()).containsEntry("status", "RESOLVED")
            .containsEntry("resolved_by", "alert-service")
            .satisfies(row -> assertThat((String) row.get("resolution")).contains("below every band"));
        assertThat(changes()).containsExactly("RAISED", "UPDATED", "UPDATED", "RESOLVED");
    }

    @Test
    void stockOutIsCriticalLowIsAWarningAndAnOutSchoolIsNeverAlsoAtRisk() {
        engine.risks(List.of(risk(A1, 82)));
        engine.stock(List.of(stock(A2, "RICE", "12.5", "2", "LOW"), stock(A3, "DAL", "20", "9", "LOW")));
        engine.stock(List.of(stock(A2, "RICE", "0", "0", "STOCK_OUT"), stock(A1, "RICE", "0", "0", "STOCK_OUT")));

        Map<String, Object> a2 = open(A2, "stock");
        assertThat(a2).containsEntry("severity", "CRITICAL")
            .containsEntry("rule_code", "stock.out")
            .containsEntry("occurrences", 2)
            .containsEntry("subject", "school:" + A2 + ":RICE");
        assertThat(count(A3)).as("9 days of dal is above the 7-day threshold").isZero();
        // A1 ran out: its risk alert gives way to the stock alert
        assertThat(open(A1, "stock")).containsEntry("severity", "CRITICAL");
        assertThat(openCount(A1, "risk")).isZero();
        engine.risks(List.of(risk(A1, 90)));
        assertThat(openCount(A1, "risk")).as("out, not also at risk").isZero();

        // the days-of-stock threshold is data: 10 days now counts as low
        jdbc.sql("update alert_rules set max_value = 10 where code = 'stock.low'").update();
        engine.stock(List.of(stock(A3, "DAL", "20", "9", "LOW")));
        assertThat(open(A3, "stock")).containsEntry("severity", "WARNING");

        // no event says stock arrived: the next risk score below the bands resolves the
        // stock alerts
        engine.risks(List.of(risk(A2, 5)));
        assertThat(openCount(A2, "stock")).isZero();
    }

    @Test
    void aKitchenOutOfStockPutsEveryOneOfItsSchoolsOutAndAlertsItsBlock() {
        UUID kitchen = UUID.randomUUID();
        engine.kitchenStock(
                List.of(new KitchenStockLow(DomainEvent.newId(), clock.instant(), kitchen, "Central kitchen 7101",
                        "571", "7101", "RICE", BigDecimal.ZERO, BigDecimal.ZERO, "STOCK_OUT", List.of(A1, B1))));

        assertThat(open(A1, "stock")).containsEntry("severity", "CRITICAL")
            .containsEntry("rule_code", "kitchen-stock.out");
        assertThat(open(B1, "stock")).containsEntry("block_code", "7102");
        assertThat(jdbc.sql("select scope_level, scope_code, severity from alerts where subject = :s")
            .param("s", "kitchen:" + kitchen + ":RICE")
            .query()
            .singleRow()).containsEntry("scope_level", "BLOCK")
            .containsEntry("scope_code", "7101")
            .containsEntry("severity", "CRITICAL");
    }

    @Test
    void aKitchenRunningLowAlertsItsBlockOnlyAndItsSchoolsOnceItIsOut() {
        UUID kitchen = UUID.randomUUID();
        engine.kitchenStock(
                List.of(new KitchenStockLow(DomainEvent.newId(), clock.instant(), kitchen, "Central kitchen 7102",
                        "571", "7102", "DAL", new BigDecimal("40"), new BigDecimal("3"), "LOW", List.of(A1, B1))));

        assertThat(openCount(A1, "stock")).isZero();
        assertThat(openCount(B1, "stock")).isZero();
        String subject = "kitchen:" + kitchen + ":DAL";
        assertThat(jdbc.sql("select scope_level, scope_code, severity, rule_code from alerts where subject = :s")
            .param("s", subject)
            .query()
            .singleRow()).containsEntry("scope_level", "BLOCK")
            .containsEntry("scope_code", "7102")
            .containsEntry("severity", "WARNING")
            .containsEntry("rule_code", "kitchen-stock.low");

        engine.kitchenStock(
                List.of(new KitchenStockLow(DomainEvent.newId(), clock.instant(), kitchen, "Central kitchen 7102",
                        "571", "7102", "DAL", BigDecimal.ZERO, BigDecimal.ZERO, "STOCK_OUT", List.of(A1, B1))));
        assertThat(open(A1, "stock")).containsEntry("severity", "CRITICAL");
        assertThat(open(B1, "stock")).containsEntry("severity", "CRITICAL");
        assertThat(jdbc.sql("select severity from alerts where subject = :s and status <> 'RESOLVED'")
            .param("s", subject)
            .query(String.class)
            .single()).isEqualTo("CRITICAL");
    }

    @Test
    void cascadesDelaysBudgetsInspectionsAndWeatherEachRaiseTheirAlert() {
        Instant now = clock.instant();
        engine.cascades(List.of(new CascadeRiskDetected(DomainEvent.newId(), now, "KITCHEN", "K-7101", List.of(A1, A2),
                240, "HIGH", List.of("KITCHEN:K-7101", "SCHOOL:" + A1), List.of())));
        String kitchen = UUID.randomUUID().toString();
        engine.deliveries(List.of(
                new DeliveryDelayed(DomainEvent.newId(), now, UUID.randomUUID(), A3, "SUP-1", "RICE",
                        LocalDate.of(2026, 12, 1), 3, null),
                // a kitchen's delivery names the kitchen and no school: no school alert,
                // and no
                // failure
                new DeliveryDelayed(DomainEvent.newId(), now, UUID.randomUUID(), null, "SUP-1", "RICE",
                        LocalDate.of(2026, 12, 1), 3, UUID.fromString(kitchen))));
        engine.budgets(List.of(
                new BudgetThresholdCrossed(DomainEvent.newId(), now, Jurisdiction.district("571"), 80,
                        new BigDecimal("81.5"), new BigDecimal("1000000"), new BigDecimal("815000")),
                new BudgetThresholdCrossed(DomainEvent.newId(), now, Jurisdiction.block("7102"), 100,
                        new BigDecimal("100"), new BigDecimal("50000"), new BigDecimal("50000"))));
        engine.inspections(
                List.of(new InspectionOverdue(DomainEvent.newId(), now, A4, null, LocalDate.of(2026, 11, 30))));
        engine.weather(List.of(new WeatherWarning(DomainEvent.newId(), now, "572", "ORANGE", "HEAVY_RAIN", now,
                now.plus(Duration.ofDays(2)), "Heavy rain in the district")));

        assertThat(open(A1, "cascade-risk")).containsEntry("severity", "WARNING");
        assertThat(open(A2, "cascade-risk")).containsEntry("severity", "WARNING");
        assertThat(open(A3, "supply-chain")).containsEntry("severity", "WARNING")
            .containsEntry("rule_code", "delivery.delayed");
        assertThat(jdbc.sql("select count(*) from alerts where alert_type = 'supply-chain'").query(Long.class).single())
            .as("the kitchen's delivery raised nothing")
            .isOne();
        assertThat(open(A4, "inspection")).containsEntry("severity", "INFO");
        assertThat(open(OTHER, "weather")).containsEntry("severity", "WARNING").containsEntry("district_code", "572");
        assertThat(jdbc.sql(
                "select scope_level || ' ' || scope_code || ' ' || severity || ' ' || coalesce(district_code, '-') from alerts where alert_type = 'budget' order by 1")
            .query(String.class)
            .list()).containsExactly("BLOCK 7102 CRITICAL 571", "DISTRICT 571 WARNING 571");
    }

    @Test
    void everyRaiseAndResolutionIsPublishedThroughTheOutbox() {
        engine.risks(List.of(risk(A1, 82)));
        String id = alertId(A1);
        engine.risks(List.of(risk(A1, 1)));

        List<String> types = lifecycleEvents(id).stream()
            .map(r -> new String(r.headers().lastHeader("ce_type").value()))
            .toList();
        // the outbox keeps no order between the batches of two transactions
        assertThat(types).containsExactlyInAnyOrder("in.mdm.alert.AlertRaised.v1", "in.mdm.alert.AlertResolved.v1");
    }

    @Test
    void anOpenAlertGrownGraverIsRaisedAgainAtItsNewSeverityAndALighterRepeatIsNot() {
        engine.risks(List.of(risk(A2, 55)));
        String id = alertId(A2);
        engine.risks(List.of(risk(A2, 58)));
        engine.risks(List.of(risk(A2, 81)));
        engine.risks(List.of(risk(A2, 60)));

        assertThat(count(A2)).as("still one alert").isOne();
        List<String> raised = lifecycleEvents(id).stream()
            .filter(r -> new String(r.headers().lastHeader("ce_type").value()).equals("in.mdm.alert.AlertRaised.v1"))
            .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("\"CRITICAL\"")
                    ? "CRITICAL" : "WARNING")
            .toList();
        // WARNING at 55, nothing at 58, CRITICAL at 81 (its people are told again),
        // nothing when it eases back to WARNING
        assertThat(raised).containsExactlyInAnyOrder("WARNING", "CRITICAL");
    }

    @Test
    void whenMoreThanAShareOfABlocksSchoolsShareAnAlertTypeTheBlockAndDistrictGetOneAlert() {
        engine.stock(List.of(stock(A1, "RICE", "0", "0", "STOCK_OUT")));
        assertThat(rollups()).as("1 of 4 schools is not more than 30 %").isEmpty();

        engine.stock(List.of(stock(A2, "RICE", "0", "0", "STOCK_OUT"), stock(A2, "DAL", "0", "0", "STOCK_OUT")));
        assertThat(rollups()).containsExactly("BLOCK 7101 stock CRITICAL OPEN", "DISTRICT 571 stock CRITICAL OPEN");
        assertThat(jdbc.sql("select message from alerts where subject = 'block:7101'").query(String.class).single())
            .isEqualTo("2 of 4 schools of block 7101 have an open stock alert");

        engine.risks(List.of(risk(A2, 3)));
        assertThat(rollups()).containsExactly("BLOCK 7101 stock CRITICAL RESOLVED",
                "DISTRICT 571 stock CRITICAL RESOLVED");
    }

    @Test
    void anUnacknowledgedCriticalAlertGoesOneLevelUpAfterTheConfiguredTime() {
        engine.stock(List.of(stock(A1, "RICE", "0", "0", "STOCK_OUT")));
        engine.risks(List.of(risk(A2, 55), risk(OTHER, 82)));
        jdbc.sql("update alerts set status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = 'beo' "
                + "where udise_code = :u")
            .param("u", OTHER)
            .update();

        clock.advance(Duration.ofMinutes(29));
        assertThat(engine.escalateDue()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(engine.escalateDue()).as("only A1's: A2's is a warning, OTHER's acknowledged").isOne();
        assertThat(scope(A1)).isEqualTo("BLOCK 7101 1");
        assertThat(engine.escalateDue()).isZero();
        clock.advance(Duration.ofMinutes(31));
        engine.escalateDue();
        assertThat(scope(A1)).isEqualTo("DISTRICT 571 2");
        clock.advance(Duration.ofMinutes(31));
        engine.escalateDue();
        assertThat(scope(A1)).isEqualTo("STATE 33 3");
        clock.advance(Duration.ofMinutes(31));
        assertThat(engine.escalateDue()).as("the state is the top").isZero();
        assertThat(jdbc.sql("select count(*) from alerts where escalation_count > 0").query(Integer.class).single())
            .isOne();

        // still its school's and its district's alert, as escalated
        ResponseEntity<Map> asHeadmaster = http.exchange("/api/v1/alerts?school=" + A1, HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.school(A1))), Map.class);
        assertThat(asHeadmaster.getBody()).containsEntry("total", 1);
    }

    @Test
    void aWeatherWarningsAlertsAndTheirRollUpsResolveWhenTheWarningEnds() {
        Instant now = clock.instant();
        engine.weather(List.of(new WeatherWarning(DomainEvent.newId(), now, "571", "RED", "CYCLONE", now,
                now.plus(Duration.ofDays(2)), "Cyclone warning")));
        assertThat(openWeather()).isEqualTo(5 + 2);

        clock.advance(Duration.ofDays(1));
        assertThat(engine.expireDue()).isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(engine.expireDue()).isEqualTo(5);
        assertThat(openWeather()).as("the block and district roll-ups fell with them").isZero();
    }

    private int openWeather() {
        return jdbc.sql("select count(*) from alerts where alert_type = 'weather' and status <> 'RESOLVED'")
            .query(Integer.class)
            .single();
    }

    @Test
    void streamChangesOlderThanTheRetentionAreForgottenButTheAlertsStay() {
        engine.risks(List.of(risk(A1, 82)));
        clock.advance(Duration.ofDays(6));
        engine.risks(List.of(risk(OTHER, 82)));
        clock.advance(Duration.ofDays(2));

        assertThat(engine.pruneChanges()).isOne();
        assertThat(changes()).containsExactly("RAISED");
        assertThat(count(A1)).isOne();
    }

    @Test
    void adminsEditTheRulesOthersOnlyReadThem() {
        ResponseEntity<List> rules = http.exchange("/api/v1/alerts/rules", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.officer("571"))), List.class);
        assertThat(rules.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rules.getBody()).extracting(r -> ((Map<?, ?>) r).get("code"))
            .contains("risk.critical", "stock.out", "stock.low", "kitchen-stock.out", "delivery.delayed",
                    "budget.threshold", "inspection.overdue", "weather.warning", "cascade.risk");

        String body = """
                {"severity":"CRITICAL","minValue":60,"maxValue":null,"status":null,"enabled":true}""";
        assertThat(put("/api/v1/alerts/rules/risk.critical", body, TestTokens.officer("571")).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> edited = put("/api/v1/alerts/rules/risk.critical", body, TestTokens.admin());
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody()).containsEntry("minValue", 60).containsEntry("updatedBy", "state.admin");
        try {
            engine.risks(List.of(risk(A1, 65)));
            assertThat(open(A1, "risk")).containsEntry("severity", "CRITICAL");
        }
        finally {
            put("/api/v1/alerts/rules/risk.critical", body.replace("60", "70"), TestTokens.admin());
        }
        assertThat(
                jdbc.sql("select count(*) from alert_audit where action = 'rule.updated' and target = 'risk.critical'")
                    .query(Integer.class)
                    .single())
            .isGreaterThanOrEqualTo(2);

        ProblemAssertions.assertInvalid(put("/api/v1/alerts/rules/risk.critical", """
                {"severity":"CRITICAL","minValue":80,"maxValue":70,"enabled":true}""", TestTokens.admin()), "minValue");
        ProblemAssertions.assertInvalid(put("/api/v1/alerts/rules/risk.critical", """
                {"minValue":80,"enabled":true}""", TestTokens.admin()), "severity");
        ProblemAssertions.assertProblem(put("/api/v1/alerts/rules/no.such", body, TestTokens.admin()),
                HttpStatus.NOT_FOUND, "alert.rule-not-found");
    }

    private ResponseEntity<Map> put(String path, String json, String token) {
        org.springframework.http.HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), Map.class);
    }

    private RiskScored risk(String udise, double score) {
        return new RiskScored(DomainEvent.newId(), clock.instant(), udise, LocalDate.of(2026, 12, 5), score,
                score >= 70 ? "HIGH" : score >= 40 ? "MEDIUM" : "LOW", "risk-v1", List.of("rice stock"));
    }

    private StockLow stock(String udise, String commodity, String kg, String days, String status) {
        return new StockLow(DomainEvent.newId(), clock.instant(), udise, commodity, new BigDecimal(kg),
                new BigDecimal(days), status);
    }

    private Map<String, Object> open(String udise, String type) {
        return jdbc.sql("select * from alerts where udise_code = :u and alert_type = :t and status <> 'RESOLVED'")
            .param("u", udise)
            .param("t", type)
            .query()
            .singleRow();
    }

    private int openCount(String udise, String type) {
        return jdbc
            .sql("select count(*) from alerts where udise_code = :u and alert_type = :t and status <> 'RESOLVED'")
            .param("u", udise)
            .param("t", type)
            .query(Integer.class)
            .single();
    }

    private int count(String udise) {
        return jdbc.sql("select count(*) from alerts where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single();
    }

    private List<String> changes() {
        return jdbc.sql("select change from alert_changes order by seq").query(String.class).list();
    }

    private List<String> rollups() {
        return jdbc.sql("""
                select scope_level || ' ' || scope_code || ' ' || alert_type || ' ' || severity || ' ' || status
                from alerts where rule_code like 'rollup.%' order by scope_level, scope_code""")
            .query(String.class)
            .list();
    }

    private String scope(String udise) {
        return jdbc.sql("""
                select scope_level || ' ' || scope_code || ' ' || escalation_count from alerts
                where udise_code = :u and alert_type = 'stock'""").param("u", udise).query(String.class).single();
    }

    private String alertId(String udise) {
        return jdbc.sql("select cast(id as varchar) from alerts where udise_code = :u")
            .param("u", udise)
            .query(String.class)
            .single();
    }

    /** The lifecycle events of one alert on Kafka. */
    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> lifecycleEvents(String id) {
        return KafkaProbe.onTestBroker()
            .readAll("mdm.alert.alerts", Duration.ofSeconds(10))
            .stream()
            .filter(r -> id.equals(r.key()))
            .toList();
    }

}
