package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.finance.FinanceTopics;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.SchoolTopics;
import in.mdm.finance.Fixtures;
import in.mdm.finance.Http;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.finance.Fixtures.rupees;
import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Utilization against released funds, meals actually served, threshold and idle-fund
 * events, jurisdiction.
 */
@MdmIntegrationTest
class UtilizationIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");
    static final String UTILIZATION = "/api/v1/financial/utilization";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String academicYear, BigDecimal released, BigDecimal utilized, BigDecimal utilizedPercent, long meals,
            BigDecimal expected, BigDecimal utilizedMinusExpected, BigDecimal releasedMinusUtilized, String band,
            boolean flagged, List<Map<String, Object>> months) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    UtilizationService utilization;

    Http admin;

    @BeforeEach
    void adminCalls() {
        admin = Http.as(port, TestTokens.admin());
    }

    @Test
    void spending34000Of35425_50ReleasedIs95_98PercentBelowThe96To100BandAndEachThresholdIsSignalledOnce() {
        String udise = "33410100001";
        Fixtures.school(jdbc, udise, "541", "5410");
        releaseQuarterOne(udise, "2026-27", "541", "5410");
        Http school = Http.as(port, TestTokens.school(udise));

        Report first = record(school, udise, "2026-07", "FOOD", "20000.00");
        assertThat(first.released()).isEqualTo(rupees("35425.50"));
        assertThat(first.utilizedPercent()).isEqualTo(rupees("56.46"));
        record(school, udise, "2026-07", "FUEL", "9000.00"); // 29 000.00: 81.86 %,
                                                             // crosses 80
        Report third = record(school, udise, "2026-08", "WAGES", "5000.00"); // 34 000.00:
                                                                             // 95.98 %,
                                                                             // crosses 90

        assertThat(third.utilized()).isEqualTo(rupees("34000.00"));
        assertThat(third.utilizedPercent()).isEqualTo(rupees("95.98"));
        assertThat(third.releasedMinusUtilized()).isEqualTo(rupees("1425.50"));
        assertThat(third.band()).isEqualTo("BELOW");
        assertThat(third.flagged()).isTrue();
        assertThat(third.months()).extracting(m -> m.get("month") + "=" + m.get("utilized"))
            .containsExactly("2026-07=29000.0", "2026-08=5000.0");

        Report within = record(school, udise, "2026-08", "OTHER", "425.50"); // 34 425.50:
                                                                             // 97.18 %
        assertThat(within.band()).isEqualTo("WITHIN");
        assertThat(within.flagged()).isFalse();
        Report above = record(school, udise, "2026-09", "FOOD", "2000.00"); // 36 425.50:
                                                                            // 102.82 %,
                                                                            // crosses 100
        assertThat(above.utilizedPercent()).isEqualTo(rupees("102.82"));
        assertThat(above.band()).isEqualTo("ABOVE");
        assertThat(above.flagged()).isTrue();

        assertProblem(school.post(UTILIZATION, body(udise, "2026-07", "FOOD", "1.00")), HttpStatus.CONFLICT,
                "finance.utilization.exists");
        List<BudgetThresholdCrossed> crossed = await().atMost(Duration.ofSeconds(30))
            .until(() -> thresholdEvents(udise), list -> list.size() >= 3);
        assertThat(crossed).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactlyInAnyOrder(80, 90, 100);
        assertThat(crossed).filteredOn(e -> e.thresholdPercent() == 90).singleElement().satisfies(e -> {
            assertThat(e.utilizedPercent()).isEqualTo(rupees("95.98"));
            assertThat(e.released()).isEqualTo(rupees("35425.50"));
            assertThat(e.utilized()).isEqualTo(rupees("34000.00"));
        });
    }

    @Test
    void expectedCostIsTheMealsActuallyServedAtTheRateInForceOnEachDayAndARedeliveryChangesNothing() throws Exception {
        String udise = "33420100001";
        Fixtures.school(jdbc, udise, "542", "5420");
        // 30 April 2025 at the December 2024 rates: 60 × 6.19 + 40 × 9.29 = 743.00
        send(meal(udise, LocalDate.parse("2025-04-30"), 60, 40, 100, Instant.parse("2025-04-30T08:00:00Z")));
        // 2 May 2025 at the May 2025 rates: 60 × 6.78 + 40 × 10.17 = 813.60
        DailyMealReported may = meal(udise, LocalDate.parse("2025-05-02"), 60, 40, 100,
                Instant.parse("2025-05-02T08:00:00Z"));
        send(may);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(udise, "2024-25").meals() == 200);
        Report report = report(udise, "2024-25");
        assertThat(report.expected()).isEqualTo(rupees("1556.60"));
        assertThat(report.months()).extracting(m -> m.get("month") + ":" + m.get("meals") + ":" + m.get("expected"))
            .containsExactly("2025-04:100:743.0", "2025-05:100:813.6");

        double duplicates = consumed("duplicate");
        send(may);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("duplicate") > duplicates);
        assertThat(report(udise, "2024-25").expected()).isEqualTo(rupees("1556.60"));

        // a corrected report of 2 May: 50 meals for 30 + 20 present, 30 × 6.78 + 20 ×
        // 10.17 = 406.80
        send(meal(udise, LocalDate.parse("2025-05-02"), 30, 20, 50, Instant.parse("2025-05-02T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> report(udise, "2024-25").meals() == 150);
        assertThat(report(udise, "2024-25").expected()).isEqualTo(rupees("1149.80"));

        Report spent = record(admin, udise, "2025-05", "FOOD", "1000.00");
        assertThat(spent.utilizedMinusExpected()).isEqualTo(rupees("-149.80"));
        assertThat(spent.band()).isEqualTo("NO_RELEASE");
        assertThat(spent.flagged()).isTrue();
    }

    @Test
    void mealsSplitBetweenPrimaryAndUpperPrimaryByAttendanceRoundHalfEven() {
        assertThat(DailyMealEventListener.primaryMeals(101, 1, 1)).isEqualTo(50); // 50.5
                                                                                  // → 50
        assertThat(DailyMealEventListener.primaryMeals(103, 1, 1)).isEqualTo(52); // 51.5
                                                                                  // → 52
        assertThat(DailyMealEventListener.primaryMeals(100, 0, 0)).isEqualTo(100);
        assertThat(DailyMealEventListener.primaryMeals(100, 60, 40)).isEqualTo(60);
        assertThat(UtilizationService.academicYear(java.time.YearMonth.parse("2027-05"))).isEqualTo("2026-27");
        assertThat(UtilizationService.academicYear(java.time.YearMonth.parse("2026-06"))).isEqualTo("2026-27");
    }

    @Test
    void aReleaseWithNothingSpentForThirtyDaysIsSignalledOnceAsThresholdZero() {
        String udise = "33430100001";
        Fixtures.school(jdbc, udise, "543", "5430");
        UUID release = releaseQuarterOne(udise, "2026-27", "543", "5430");
        assertThat(utilization.signalIdleReleases()).isZero();
        jdbc.sql("update fund_releases set released_at = now() - interval '31 days' where id = ?")
            .param(release)
            .update();

        assertThat(utilization.signalIdleReleases()).isEqualTo(1);
        assertThat(utilization.signalIdleReleases()).isZero();

        List<BudgetThresholdCrossed> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> thresholdEvents(udise), list -> !list.isEmpty());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.thresholdPercent()).isZero();
            assertThat(e.released()).isEqualTo(rupees("35425.50"));
            assertThat(e.utilized()).isEqualTo(rupees("0.00"));
        });
    }

    @Test
    void schoolsRecordOnlyForThemselvesAndOfficersOnlyInsideTheirArea() {
        String udise = "33440100001";
        Fixtures.school(jdbc, udise, "544", "5440");
        Fixtures.school(jdbc, "33440200001", "545", "5450");

        assertProblem(
                Http.as(port, TestTokens.school("33440200001"))
                    .post(UTILIZATION, body(udise, "2026-07", "FOOD", "1.00")),
                HttpStatus.NOT_FOUND, "finance.school.not-found");
        assertProblem(
                Http.as(port, TestTokens.officer("545")).post(UTILIZATION, body(udise, "2026-07", "FOOD", "1.00")),
                HttpStatus.NOT_FOUND, "finance.school.not-found");
        assertProblem(Http.as(port, null).post(UTILIZATION, body(udise, "2026-07", "FOOD", "1.00")),
                HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        assertProblem(
                Http.as(port, TestTokens.officer("545"))
                    .get(UTILIZATION + "/school/" + udise + "?academicYear=2026-27"),
                HttpStatus.NOT_FOUND, "finance.school.not-found");
        assertInvalid(
                admin.post(UTILIZATION,
                        "{\"udiseCode\":\"1\",\"month\":\"2026-13\",\"category\":\"FOOD\",\"amount\":-1}"),
                "amount", "month", "udiseCode");
        assertProblem(admin.post(UTILIZATION, body(udise, "2026-07", "SNACKS", "1.00")), HttpStatus.BAD_REQUEST,
                "request.invalid-value");
        assertProblem(admin.post(UTILIZATION, body(udise, "2099-07", "FOOD", "1.00")), HttpStatus.BAD_REQUEST,
                "finance.utilization.future-month");

        assertThat(Http.as(port, TestTokens.blockOfficer("5440"))
            .post(UTILIZATION, body(udise, "2026-07", "FOOD", "1.00"))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.sql("select recorded_by from utilization_records where udise_code = ?")
            .param(udise)
            .query(String.class)
            .single()).isEqualTo("beo.5440");
    }

    @Test
    void officersListTheirSchoolsYearAndThoseOutsideTheBand() {
        Fixtures.school(jdbc, "33450100001", "546", "5460");
        Fixtures.school(jdbc, "33450100002", "546", "5461");
        releaseQuarterOne("33450100001", "2026-27", "546", "5460");
        releaseQuarterOne("33450100002", "2026-27", "546", "5461");
        record(admin, "33450100001", "2026-07", "FOOD", "34000.00"); // 95.98 %: below the
                                                                     // band
        record(admin, "33450100002", "2026-07", "FOOD", "34425.50"); // 97.18 %: within
        String list = UTILIZATION + "?academicYear=2026-27&districtCode=546";

        Map<String, Object> all = Http.as(port, TestTokens.officer("546")).getForObject(list, Map.class);
        assertThat((List<Map<String, Object>>) all.get("items")).extracting(
                m -> m.get("udiseCode") + ":" + m.get("utilizedPercent") + ":" + m.get("band") + ":" + m.get("flagged"))
            .containsExactly("33450100001:95.98:BELOW:true", "33450100002:97.18:WITHIN:false");
        Map<String, Object> flagged = Http.as(port, TestTokens.officer("546"))
            .getForObject(list + "&flaggedOnly=true", Map.class);
        assertThat((List<Map<String, Object>>) flagged.get("items")).extracting(m -> m.get("udiseCode"))
            .containsExactly("33450100001");
        Map<String, Object> block = Http.as(port, TestTokens.blockOfficer("5461")).getForObject(list, Map.class);
        assertThat((List<Map<String, Object>>) block.get("items")).extracting(m -> m.get("udiseCode"))
            .containsExactly("33450100002");
        // another district named as a filter: not found, neither its schools nor whether
        // it has any
        assertProblem(Http.as(port, TestTokens.officer("547")).get(list), HttpStatus.NOT_FOUND, "area.not-found");
        assertProblem(Http.as(port, TestTokens.school("33450100001")).get(list), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        assertInvalid(admin.get(UTILIZATION + "?academicYear=26-27"), "academicYear");
    }

    private UUID releaseQuarterOne(String udise, String year, String district, String block) {
        UUID allocation = Fixtures.allocate(jdbc, admin, udise, year, 100, 0, district, block);
        Map<String, Object> release = admin
            .post("/api/v1/financial/releases",
                    "{\"allocationId\":\"" + allocation + "\",\"kind\":\"QUARTERLY\",\"quarter\":1}")
            .getBody();
        String approve = "/api/v1/financial/releases/" + release.get("releaseId") + "/approve";
        for (String token : List.of(TestTokens.officer(district), TestTokens.blockOfficer(block),
                TestTokens.school(udise))) {
            assertThat(Http.as(port, token).post(approve, "").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        return UUID.fromString(release.get("releaseId").toString());
    }

    private Report record(Http as, String udise, String month, String category, String amount) {
        ResponseEntity<Report> response = as.post(UTILIZATION, body(udise, month, category, amount), Report.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private Report report(String udise, String year) {
        return admin.getForObject(UTILIZATION + "/school/" + udise + "?academicYear=" + year, Report.class);
    }

    private static String body(String udise, String month, String category, String amount) {
        return "{\"udiseCode\":\"" + udise + "\",\"month\":\"" + month + "\",\"category\":\"" + category
                + "\",\"amount\":" + amount + "}";
    }

    private static DailyMealReported meal(String udise, LocalDate day, int primary, int upper, int meals, Instant at) {
        return new DailyMealReported(DomainEvent.newId(), at, udise, day, primary, upper, meals, null, "SMS");
    }

    private void send(DailyMealReported event) throws Exception {
        kafka.send(SchoolTopics.MEALS, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private static List<BudgetThresholdCrossed> thresholdEvents(String udise) {
        return Fixtures.events(FinanceTopics.THRESHOLDS)
            .stream()
            .filter(BudgetThresholdCrossed.class::isInstance)
            .map(BudgetThresholdCrossed.class::cast)
            .filter(e -> e.scope().code().equals(udise))
            .toList();
    }

    private double consumed(String outcome) {
        return meters.find("mdm.events.consumed")
            .tags("consumer", DailyMealEventListener.CONSUMER, "outcome", outcome)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();
    }

}
