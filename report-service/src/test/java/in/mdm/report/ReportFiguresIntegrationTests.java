package in.mdm.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.alert.AlertResolved;
import in.mdm.events.alert.AlertTopics;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.events.finance.FinanceTopics;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.finance.UtilizationRecorded;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.report.ReportTopics;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.DeliveryReceived;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.InspectionRecorded;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportRenderer;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportRequest;
import in.mdm.report.template.ReportTemplates;
import in.mdm.report.template.ReportType;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small state, hand-computed, sent in through Kafka as the other services send it:
 * district 571 (block 7101: schools A and B) and district 572 (block 7201: school C),
 * November 2026 against October 2026 and November 2025.
 *
 * <pre>
 * enrollment 2026-27: A 80+20 = 100, B 50, C 40+10 = 50
 * Nov 2: A 90 present, 90 meals; B 40 present, no meal (NO_STOCK); C 45, 45 (reported on Nov 4: late)
 * Nov 3: A 70 then corrected to 80 present, 80 meals; B does not report; C 45, 45
 * school days 2; reports 5 of 6 = 83.33 %; on time 4 of 5 = 80 %
 * attendance (170 + 40 + 90) / (200 + 50 + 100) = 300 / 350 = 85.71 %; meals 260; no-meal days 1
 * 571: 2 schools, 150 enrolled, 210/250 = 0.84, 170 meals, reporting 3/4, on time 3/3
 * 572: 1 school, 50 enrolled, 90/100 = 0.9, 90 meals, reporting 2/2, on time 1/2
 * October 2026: A on Oct 30, 50 meals (1 school day, 1 report of 3: 33.33 %)
 * November 2025: C on Nov 3 2025, 40 meals
 * money: 571 allocated 1,00,000 (2026-27), released 40,000, utilized 12,000 (30 %);
 *        C released 10,000, utilized 5,000 (50 %); the state 50,000 released, 17,000 utilized (34 %)
 * risk (latest in the month): A HIGH 0.7 (after LOW 0.2), B CRITICAL 0.9, C LOW 0.3
 * </pre>
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresIntegrationTests {

    static final CloudEventCodec SCHOOL = CloudEventCodec.forService("school-service");

    static final CloudEventCodec FINANCE = CloudEventCodec.forService("finance-service");

    static final CloudEventCodec ML = CloudEventCodec.forService("ml-service");

    static final CloudEventCodec ALERT = CloudEventCodec.forService("alert-service");

    static final String A = "33440100401";

    static final String B = "33440100402";

    static final String C = "33450200403";

    /** A kitchen whose delivery came late: its DeliveryDelayed names the kitchen's id. */
    static final UUID LATE_KITCHEN = UUID.randomUUID();

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    static final PeriodKind.Period NOVEMBER = PeriodKind.MONTHLY.of(LocalDate.parse("2026-11-15"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ReportTemplates templates;

    @Autowired
    List<ReportRenderer> renderers;

    DailyMealReported correctedDay;

    @BeforeAll
    void aSmallStateReports() throws Exception {
        for (String table : List.of("fact_schools", "fact_enrollment", "fact_school_days", "fact_stock_days",
                "fact_deliveries_delayed", "fact_inspections_overdue", "fact_allocations", "fact_releases",
                "fact_utilizations", "fact_budget_thresholds", "fact_risk_days", "fact_alerts",
                "fact_deliveries_received", "fact_inspections")) {
            jdbc.sql("delete from " + table).update();
        }
        Instant june = Instant.parse("2026-06-01T00:00:00Z");
        school(A, "571", "7101", 80, 20, june);
        school(B, "571", "7101", 50, 0, june);
        school(C, "572", "7201", 40, 10, june);
        meal(A, "2026-11-02", 90, 90, null, at("2026-11-02"));
        meal(B, "2026-11-02", 40, 0, "NO_STOCK", at("2026-11-02"));
        meal(C, "2026-11-02", 45, 45, null, at("2026-11-04"));
        // the correction first, the report it corrects after it: the newest still counts
        correctedDay = new DailyMealReported(DomainEvent.newId(), at("2026-11-03").plusSeconds(3600), A,
                LocalDate.parse("2026-11-03"), 64, 16, 80, null, "APP");
        send(SchoolTopics.MEALS, SCHOOL, correctedDay);
        meal(A, "2026-11-03", 70, 70, null, at("2026-11-03"));
        meal(C, "2026-11-03", 45, 45, null, at("2026-11-03"));
        meal(A, "2026-10-30", 50, 50, null, at("2026-10-30"));
        meal(C, "2025-11-03", 40, 40, null, at("2025-11-03"));

        send(FinanceTopics.ALLOCATIONS, FINANCE,
                new AllocationCalculated(DomainEvent.newId(), june, UUID.randomUUID(), "2026-27",
                        Jurisdiction.district("571"), 2, new BigDecimal("100000.00"), new BigDecimal("60000.00"),
                        new BigDecimal("40000.00")));
        send(FinanceTopics.RELEASES, FINANCE, new FundReleased(DomainEvent.newId(), at("2026-11-05"), UUID.randomUUID(),
                null, Jurisdiction.district("571"), new BigDecimal("40000.00")));
        send(FinanceTopics.RELEASES, FINANCE, new FundReleased(DomainEvent.newId(), at("2026-11-06"), UUID.randomUUID(),
                null, Jurisdiction.school(C), new BigDecimal("10000.00")));
        send(FinanceTopics.UTILIZATIONS, FINANCE, new UtilizationRecorded(DomainEvent.newId(), at("2026-11-20"),
                UUID.randomUUID(), A, "2026-11", "FOOD", new BigDecimal("12000.00")));
        send(FinanceTopics.UTILIZATIONS, FINANCE, new UtilizationRecorded(DomainEvent.newId(), at("2026-11-21"),
                UUID.randomUUID(), C, "2026-11", "FUEL", new BigDecimal("5000.00")));

        risk(A, "2026-11-02", 0.2, "LOW");
        risk(A, "2026-11-03", 0.7, "HIGH");
        risk(B, "2026-11-03", 0.9, "CRITICAL");
        risk(C, "2026-10-20", 0.5, "MEDIUM");
        risk(C, "2026-11-02", 0.3, "LOW");
        send(SchoolTopics.INSPECTIONS, SCHOOL, new InspectionOverdue(DomainEvent.newId(), at("2026-11-10"), C,
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-11-01")));
        // deliveries: A's on time, a kitchen's in 572 two days late (sent twice: counted
        // once), C's in October on time
        DeliveryReceived kitchens = received(null, "572", "7201", "2026-11-06", "2026-11-08");
        send(SchoolTopics.DELIVERIES, SCHOOL, received(A, "571", "7101", "2026-11-05", "2026-11-05"));
        send(SchoolTopics.DELIVERIES, SCHOOL, kitchens);
        send(SchoolTopics.DELIVERIES, SCHOOL,
                new DeliveryReceived(DomainEvent.newId(), kitchens.occurredAt(), kitchens.deliveryId(), null,
                        kitchens.kitchenId(), "572", "7201", kitchens.supplierId(), "RICE", kitchens.promisedOn(),
                        kitchens.receivedOn(), kitchens.quantityKg(), false));
        send(SchoolTopics.DELIVERIES, SCHOOL, received(C, "572", "7201", "2026-10-10", "2026-10-10"));
        // late: one of A's, and a kitchen's (which names the kitchen and no school: not a
        // school's fact)
        send(SchoolTopics.DELIVERIES, SCHOOL, new DeliveryDelayed(DomainEvent.newId(), at("2026-11-07"),
                UUID.randomUUID(), null, "SUP-1", "RICE", LocalDate.parse("2026-11-05"), 2, LATE_KITCHEN));
        send(SchoolTopics.DELIVERIES, SCHOOL, new DeliveryDelayed(DomainEvent.newId(), at("2026-11-07"),
                UUID.randomUUID(), A, "SUP-1", "RICE", LocalDate.parse("2026-11-05"), 2, null));
        // inspections in November: A 80, C 60 (mean 70)
        send(SchoolTopics.INSPECTIONS, SCHOOL, new InspectionRecorded(DomainEvent.newId(), at("2026-11-12"),
                UUID.randomUUID(), A, LocalDate.parse("2026-11-12"), 80, LocalDate.parse("2027-05-12")));
        send(SchoolTopics.INSPECTIONS, SCHOOL, new InspectionRecorded(DomainEvent.newId(), at("2026-11-14"),
                UUID.randomUUID(), C, LocalDate.parse("2026-11-14"), 60, LocalDate.parse("2027-05-14")));
        UUID alert = UUID.randomUUID();
        send(AlertTopics.ALERTS, ALERT, new AlertResolved(DomainEvent.newId(), at("2026-11-04"), alert, "beo", "ok"));
        send(AlertTopics.ALERTS, ALERT, new AlertRaised(DomainEvent.newId(), at("2026-11-03"), alert, "RISK_HIGH",
                "HIGH", "Risk", "High risk", Jurisdiction.school(A), A, null));

        await().atMost(Duration.ofSeconds(90))
            .until(() -> count("select count(*) from fact_school_days") == 7
                    && count("select count(*) from fact_school_days where attendance = 80") == 1
                    && count("select count(*) from fact_enrollment") == 3
                    && count("select count(*) from fact_utilizations") == 2
                    && count("select count(*) from fact_releases") == 2
                    && count("select count(*) from fact_allocations") == 1
                    && count("select count(*) from fact_risk_days") == 5
                    && count("select count(*) from fact_inspections_overdue") == 1
                    && count("select count(*) from fact_deliveries_received") == 3
                    && count("select count(*) from fact_deliveries_delayed") == 1
                    && count("select count(*) from fact_inspections") == 2
                    && count(
                            "select count(*) from fact_alerts where raised_at is not null and resolved_at is not null") == 1
                    && count("select count(*) from school_locations where udise_code in ('" + A + "','" + B + "','" + C
                            + "')") == 3);
    }

    @Test
    void performanceOfTheStateByDistrictWithItsComparisons() {
        ReportDocument doc = build(ReportType.PERFORMANCE, Jurisdiction.state("33"), List.of());

        assertThat(table(doc, "area", "attendance_rate")).containsExactly(
                List.of("571", "Dharmapuri", "2", "150", "0.84", "170", "1", "0.75", "1.0"),
                List.of("572", "Dindigul", "1", "50", "0.9", "90", "0", "1.0", "0.5"));
        assertThat(table(doc, "figure", "current")).containsExactly(List.of("Schools", "3", "3", "0", "3", "0"),
                List.of("Children enrolled", "200", "200", "0", "0", "200"),
                List.of("Attendance rate (%)", "85.71", "50.00", "35.71", "0.00", "85.71"),
                List.of("Meals served", "260", "50", "210", "40", "220"),
                List.of("Days without a meal", "1", "0", "1", "0", "1"),
                List.of("Reporting rate (%)", "83.33", "33.33", "50.00", "33.33", "50.00"),
                List.of("Reported on time (%)", "80.00", "100.00", "-20.00", "100.00", "-20.00"));
        assertThat(table(doc, "reason", "days")).containsExactly(List.of("NO_STOCK", "1"));
        assertThat(table(doc, "day", "attendance_rate")).containsExactly(List.of("2026-11-02", "175", "0.875", "135"),
                List.of("2026-11-03", "125", "0.8333333333333334", "125"));
        ReportDocument.Chart bar = doc.sections().get(1).charts().get(0);
        assertThat(bar.kind()).isEqualTo(ReportDocument.ChartKind.BAR);
        assertThat(bar.series().get(0).values()).containsExactly(170.0, 90.0);
        assertThat(bar.series().get(0).categories()).containsExactly("Dharmapuri (571)", "Dindigul (572)");
        assertThat(doc.subtitle()).startsWith("State Tamil Nadu (33), Month");
    }

    @Test
    void aDistrictIsReportedByBlockAndABlockBySchoolWithNames() {
        assertThat(table(build(ReportType.PERFORMANCE, Jurisdiction.district("571"), List.of()), "area",
                "attendance_rate"))
            .containsExactly(List.of("7101", "", "2", "150", "0.84", "170", "1", "0.75", "1.0"));
        assertThat(
                table(build(ReportType.PERFORMANCE, Jurisdiction.block("7101"), List.of()), "area", "attendance_rate"))
            .containsExactly(List.of(A, "School " + A, "1", "100", "0.85", "170", "0", "1.0", "1.0"),
                    List.of(B, "School " + B, "1", "50", "0.8", "0", "1", "0.5", "1.0"));
    }

    @Test
    void financialUtilizationByDistrictAndCategory() {
        ReportDocument doc = build(ReportType.FINANCIAL_UTILIZATION, Jurisdiction.state("33"), List.of());
        assertThat(table(doc, "area", "utilization_rate")).containsExactly(
                List.of("571", "Dharmapuri", "100000.00", "40000.00", "12000.00", "0.3"),
                List.of("572", "Dindigul", "0", "10000.00", "5000.00", "0.5"));
        assertThat(table(doc, "category", "amount")).containsExactly(List.of("FOOD", "12000.00"),
                List.of("FUEL", "5000.00"));
        assertThat(table(doc, "figure", "current"))
            .contains(List.of("Utilization rate (%)", "34.00", "0.00", "34.00", "0.00", "34.00"));
    }

    @Test
    void riskAssessmentByLevelAreaAndTopSchools() {
        ReportDocument doc = build(ReportType.RISK_ASSESSMENT, Jurisdiction.state("33"), List.of());
        assertThat(table(doc, "level", "schools")).containsExactly(List.of("CRITICAL", "1"), List.of("HIGH", "1"),
                List.of("LOW", "1"));
        assertThat(table(doc, "udise", "score")).extracting(r -> r.get(0) + " " + r.get(4) + " " + r.get(5))
            .containsExactly(B + " 0.90 CRITICAL", A + " 0.70 HIGH", C + " 0.30 LOW");
        assertThat(table(doc, "area", "mean_score")).containsExactly(
                List.of("571", "Dharmapuri", "2", "1", "1", "0", "0", "0.80"),
                List.of("572", "Dindigul", "1", "0", "0", "0", "1", "0.30"));
        assertThat(table(doc, "severity", "alerts")).containsExactly(List.of("HIGH", "1"));
        // October knew C only (MEDIUM); last November nobody
        assertThat(table(doc, "figure", "current")).contains(List.of("Schools scored", "3", "1", "2", "0", "3"));
        // December has no new score: each school keeps its level from November
        ReportDocument december = templates
            .build(new ReportRequest(ReportType.RISK_ASSESSMENT, PeriodKind.MONTHLY.of(LocalDate.parse("2026-12-15")),
                    Jurisdiction.state("33"), Locale.ENGLISH, List.of(), false));
        assertThat(table(december, "level", "schools")).isEqualTo(table(doc, "level", "schools"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kpisOfTheStateAndADistrictInsideTheCallersJurisdiction() {
        ResponseEntity<Map> state = get("/api/v1/reports/kpis?scope=STATE&code=33&period=MONTHLY&from=2026-11-01",
                TestTokens.admin(), Map.class);
        assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = state.getBody();
        assertThat((Map<String, Object>) body.get("riskDistribution")).containsEntry("CRITICAL", 1)
            .containsEntry("HIGH", 1)
            .containsEntry("LOW", 1);
        Map<String, Object> money = (Map<String, Object>) body.get("utilization");
        assertThat(((Number) money.get("released")).doubleValue()).isEqualTo(50000.0);
        assertThat(((Number) money.get("utilized")).doubleValue()).isEqualTo(17000.0);
        assertThat(money).containsEntry("rate", 0.34);
        Map<String, Object> supply = (Map<String, Object>) body.get("supplyChain");
        assertThat(supply).containsEntry("deliveriesLate", 1).containsEntry("meanDaysLate", 2.0);
        assertThat(in.mdm.testkit.KafkaProbe.onTestBroker()
            .readAll(SchoolTopics.DELIVERIES + ".DLT", Duration.ofSeconds(3))
            .stream()
            .filter(r -> LATE_KITCHEN.toString().equals(r.key())))
            .as("a kitchen's late delivery is passed over, not dead-lettered")
            .isEmpty();
        assertThat(supply).containsEntry("deliveriesReceived", 2)
            .containsEntry("deliveriesOnTime", 1)
            .containsEntry("onTimeShare", 0.5);
        assertThat((Map<String, Object>) body.get("inspections")).containsEntry("overdue", 1)
            .containsEntry("inspected", 2)
            .containsEntry("meanScore", 70.0);
        assertThat((List<Map<String, Object>>) body.get("attendanceTrend")).extracting(p -> p.get("mealsServed"))
            .containsExactly(135, 125);

        // a district officer sees the district's own: A's delivery and inspection only
        Map<String, Object> district = get("/api/v1/reports/kpis?scope=DISTRICT&code=571&from=2026-11-01",
                TestTokens.officer("571"), Map.class)
            .getBody();
        assertThat((Map<String, Object>) district.get("supplyChain")).containsEntry("deliveriesReceived", 1)
            .containsEntry("onTimeShare", 1.0);
        assertThat((Map<String, Object>) district.get("inspections")).containsEntry("meanScore", 80.0);
        // another district's figures are not found; a bad scope is named
        ProblemAssertions.assertProblem(get("/api/v1/reports/kpis?scope=DISTRICT&code=572&from=2026-11-01",
                TestTokens.officer("571"), Map.class), HttpStatus.NOT_FOUND, ReportProblems.SCOPE_NOT_FOUND);
        ResponseEntity<Map> bad = get("/api/v1/reports/kpis?scope=GALAXY&code=33&from=2026-11-01", TestTokens.admin(),
                Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("scope");
    }

    @Test
    void complianceListsTheSchoolThatMissedADayTheNoMealDayAndTheOverdueInspection() {
        ReportDocument doc = build(ReportType.COMPLIANCE, Jurisdiction.state("33"), List.of());
        assertThat(table(doc, "udise", "missed")).containsExactly(List.of(B, "School " + B, "571", "1", "1"));
        assertThat(table(doc, "due_on", "last_inspected_on"))
            .containsExactly(List.of(C, "School " + C, "2026-11-01", "2026-05-01"));
        assertThat(table(doc, "figure", "current")).contains(
                List.of("Schools that missed a day", "1", "2", "-1", "2", "-1"),
                List.of("Inspections overdue", "1", "0", "1", "0", "1"),
                List.of("Deliveries on time (%)", "50.00", "100.00", "-50.00", "0.00", "50.00"),
                List.of("Mean inspection score (0-100)", "70.00", "0.00", "70.00", "0.00", "70.00"));
    }

    /**
     * Every template of the small state as a PDF, in English and Tamil, for a person to
     * look at (TESTING.md: render with pdftoppm); each must be a PDF of at least a page.
     */
    @Test
    void everyTemplateRendersAsAPdfInBothLanguages() throws Exception {
        ReportRenderer pdf = renderers.stream().filter(r -> r.format().equals("PDF")).findFirst().orElseThrow();
        java.nio.file.Path dir = java.nio.file.Files
            .createDirectories(java.nio.file.Path.of("target", "report-samples"));
        for (ReportType type : ReportType.values()) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("ta"))) {
                ReportDocument doc = templates
                    .build(new ReportRequest(type, NOVEMBER, Jurisdiction.state("33"), language, List.of(), false));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                pdf.render(doc, out);
                byte[] bytes = out.toByteArray();
                assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                try (org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(bytes)) {
                    assertThat(reader.getNumberOfPages()).as(type + " " + language).isPositive();
                }
                java.nio.file.Files.write(dir.resolve("template-" + type + "-" + language + ".pdf"), bytes);
            }
        }
    }

    @Test
    void customColumnsAndTamilLabels() {
        ReportDocument doc = templates.build(new ReportRequest(ReportType.PERFORMANCE, NOVEMBER,
                Jurisdiction.state("33"), Locale.forLanguageTag("ta"), List.of("area", "meals_served"), false));
        ReportDocument.Table areas = doc.sections().get(1).tables().get(0);
        assertThat(areas.columns()).extracting(ReportDocument.Column::label)
            .containsExactly("பகுதி", "வழங்கப்பட்ட உணவுகள்");
        assertThat(doc.title()).isEqualTo("செயல்திறன் சுருக்க அறிக்கை");
        assertThat(rows(areas)).containsExactly(List.of("571", "170"), List.of("572", "90"));
    }

    @Test
    void theSameEventAgainOrAnOlderReportChangesNothing() throws Exception {
        send(SchoolTopics.MEALS, SCHOOL, correctedDay);
        meal(A, "2026-11-03", 10, 10, null, at("2026-11-03").minusSeconds(60));
        // a later event of another school on the same topic and key order: once it is in,
        // the others were read
        meal(C, "2026-11-28", 1, 1, null, at("2026-11-28"));
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from fact_school_days where day = '2026-11-28'") == 1);
        jdbc.sql("delete from fact_school_days where day = '2026-11-28'").update();
        assertThat(jdbc.sql(
                "select attendance || '/' || meals_served from fact_school_days where udise_code = :u and day = '2026-11-03'")
            .param("u", A)
            .query(String.class)
            .single()).isEqualTo("80/80");
    }

    @Test
    void aGeneratedReportIsQueuedWrittenAnnouncedAndDownloadedInsideItsDistrictOnly() {
        String deo = TestTokens.officer("571");
        ResponseEntity<Map> accepted = get(
                "/api/v1/reports/generate?type=PERFORMANCE&period=MONTHLY&from=2026-11-15&scope=DISTRICT&code=571&format=CSV",
                deo, Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) accepted.getBody().get("id");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/reports/" + id);
        assertThat(accepted.getBody()).containsEntry("periodFrom", "2026-11-01")
            .containsEntry("periodTo", "2026-11-30")
            .containsEntry("period", "MONTHLY");

        await().atMost(Duration.ofSeconds(60))
            .until(() -> "READY".equals(get("/api/v1/reports/" + id, deo, Map.class).getBody().get("status")));
        Map<String, Object> ready = get("/api/v1/reports/" + id, deo, Map.class).getBody();
        assertThat(ready).containsEntry("progress", 100)
            .containsEntry("downloadPath", "/api/v1/reports/download/" + id);

        ResponseEntity<String> file = get("/api/v1/reports/download/" + id, deo, String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(file.getHeaders().getContentDisposition().getFilename())
            .isEqualTo("performance-monthly-district-571-2026-11-01.csv");
        // the CSV renderer: a table column first, shares as percentages
        assertThat(file.getBody()).startsWith("\uFEFF")
            .contains(",7101,,2,150,84%,170,1,75%,100%")
            .contains("," + A + ",School " + A + ",2026-11-03,80,100,80,");
        assertThat(KafkaProbe.onTestBroker().awaitRecord(ReportTopics.REPORTS, id)).isNotNull();

        String other = TestTokens.officer("572");
        ProblemAssertions.assertProblem(get("/api/v1/reports/download/" + id, other, Map.class), HttpStatus.NOT_FOUND,
                "report.not-found");
        ProblemAssertions.assertProblem(get("/api/v1/reports/download/" + UUID.randomUUID(), deo, Map.class),
                HttpStatus.NOT_FOUND, "report.not-found");
        ProblemAssertions.assertProblem(get("/api/v1/reports/" + id, other, Map.class), HttpStatus.NOT_FOUND,
                "report.not-found");
        ProblemAssertions.assertProblem(get(
                "/api/v1/reports/generate?type=PERFORMANCE&period=MONTHLY&from=2026-11-15&scope=DISTRICT&code=571&format=CSV",
                other, Map.class), HttpStatus.NOT_FOUND, "report.scope.not-found");
        assertThat(ids(get("/api/v1/reports/history?size=500", deo, Map.class).getBody())).contains(id);
        assertThat(ids(get("/api/v1/reports/history?size=500", other, Map.class).getBody())).doesNotContain(id);
        assertThat(ids(get("/api/v1/reports/history?size=500", TestTokens.blockOfficer("7201"), Map.class).getBody()))
            .doesNotContain(id);
    }

    @Test
    void badGenerateParametersAreA400NamingTheParameter() {
        String admin = TestTokens.admin();
        String ok = "/api/v1/reports/generate?type=PERFORMANCE&period=MONTHLY&from=2026-11-15&scope=STATE&code=33&format=CSV";
        ProblemAssertions.assertInvalid(get(ok.replace("PERFORMANCE", "WEEKLY"), admin, Map.class), "type");
        ProblemAssertions.assertInvalid(get(ok.replace("MONTHLY", "HOURLY"), admin, Map.class), "period");
        ProblemAssertions.assertInvalid(get(ok.replace("2026-11-15", "15-11-2026"), admin, Map.class), "from");
        ProblemAssertions.assertInvalid(get(ok.replace("format=CSV", "format=DOCX"), admin, Map.class), "format");
        ProblemAssertions.assertInvalid(get(ok + "&language=fr", admin, Map.class), "language");
        ResponseEntity<Map> scope = get(ok.replace("code=33", "code=3333"), admin, Map.class);
        ProblemAssertions.assertProblem(scope, HttpStatus.BAD_REQUEST, "report.invalid-scope");
        ResponseEntity<Map> columns = get(ok + "&columns=area,salary", admin, Map.class);
        ProblemAssertions.assertProblem(columns, HttpStatus.BAD_REQUEST, "report.invalid-columns");
        assertThat(columns.getBody().get("errors").toString()).contains("columns");
        ProblemAssertions.assertProblem(get(ok.replace("PERFORMANCE", "AUDIT"), TestTokens.officer("571"), Map.class),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void aScheduleFiresOnceAcrossTwoConcurrentFirings(@Autowired in.mdm.report.job.ReportScheduleService firing)
            throws Exception {
        ResponseEntity<Map> created = http.exchange("/api/v1/reports/schedule", HttpMethod.POST, new HttpEntity<>("""
                {"type":"COMPLIANCE","period":"MONTHLY","scope":"DISTRICT","code":"571","format":"JSON",
                 "language":"ta","cron":"0 0 6 1 * *","recipients":["deo.571","beo.7101"]}""",
                json(TestTokens.officer("571"))), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        jdbc.sql("update report_schedules set next_run_at = now() - interval '1 minute' where id = cast(:id as uuid)")
            .param("id", id)
            .update();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> fired = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fired.add(two.submit(() -> {
                start.await();
                return firing.fireDue(Instant.now());
            }));
        }
        start.countDown();
        for (Future<Integer> f : fired) {
            f.get();
        }
        two.shutdown();

        assertThat(count("select count(*) from report_jobs where schedule_id = '" + id + "'")).isEqualTo(1);
        assertThat(jdbc.sql("""
                select period_from || '..' || period_to || ' ' || language || ' ' || array_to_string(recipients, ',')
                  from report_jobs where schedule_id = cast(:id as uuid)""")
            .param("id", id)
            .query(String.class)
            .single()).endsWith(" ta deo.571,beo.7101");
        assertThat(jdbc.sql("select next_run_at > now() from report_schedules where id = cast(:id as uuid)")
            .param("id", id)
            .query(Boolean.class)
            .single()).isTrue();

        ProblemAssertions.assertProblem(http.exchange("/api/v1/reports/schedule", HttpMethod.POST, new HttpEntity<>("""
                {"type":"COMPLIANCE","period":"MONTHLY","scope":"DISTRICT","code":"571","format":"JSON",
                 "cron":"every monday","recipients":["deo.571"]}""", json(TestTokens.officer("571"))), Map.class),
                HttpStatus.BAD_REQUEST, "report.invalid-cron");
    }

    @Test
    void aJobLeftRunningByACrashedInstanceIsTakenUpAgainOrFailedAfterItsAttempts() {
        UUID retried = UUID.randomUUID();
        UUID exhausted = UUID.randomUUID();
        for (UUID id : List.of(retried, exhausted)) {
            jdbc.sql("""
                    insert into report_jobs (id, report_type, format, scope_level, scope_code, period_kind, period_from,
                                             period_to, status, requested_by, started_at, heartbeat_at, attempts)
                    values (:id, 'PERFORMANCE', 'JSON', 'DISTRICT', '571', 'MONTHLY', date '2026-11-01',
                            date '2026-11-30', 'RUNNING', 'deo.571', now() - interval '1 hour',
                            now() - interval '1 hour', :attempts)""")
                .param("id", id)
                .param("attempts", id.equals(retried) ? 1 : 2)
                .update();
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from report_jobs where id in ('" + retried + "','" + exhausted
                    + "') and status in ('READY', 'FAILED')") == 2);
        assertThat(jdbc.sql("select status || ' ' || attempts from report_jobs where id = :id")
            .param("id", retried)
            .query(String.class)
            .single()).isEqualTo("READY 2");
        assertThat(jdbc.sql("select status || ' ' || failure_reason from report_jobs where id = :id")
            .param("id", exhausted)
            .query(String.class)
            .single()).isEqualTo("FAILED Generation was interrupted 2 times");
    }

    private ReportDocument build(ReportType type, Jurisdiction scope, List<String> columns) {
        return templates.build(new ReportRequest(type, NOVEMBER, scope, Locale.ENGLISH, columns, false));
    }

    /** The rows, as strings, of the first table that has these column keys. */
    static List<List<String>> table(ReportDocument doc, String... keys) {
        for (ReportDocument.Section s : doc.sections()) {
            for (ReportDocument.Table t : s.tables()) {
                List<String> have = t.columns().stream().map(ReportDocument.Column::key).toList();
                if (have.containsAll(List.of(keys))) {
                    return rows(t);
                }
            }
        }
        throw new AssertionError("no table with " + List.of(keys));
    }

    static List<List<String>> rows(ReportDocument.Table t) {
        List<List<String>> rows = new ArrayList<>();
        t.rows().forEach(r -> {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(v == null ? "" : v.toString());
            }
            rows.add(cells);
        });
        return rows;
    }

    private void school(String udise, String district, String block, int primary, int upper, Instant at)
            throws Exception {
        send(SchoolTopics.SCHOOLS, SCHOOL, new SchoolRegistered(DomainEvent.newId(), at, udise, "School " + udise,
                district, block, "Primary", "Department of Education", "Rural", true));
        send(SchoolTopics.ENROLLMENTS, SCHOOL,
                new EnrollmentUpdated(DomainEvent.newId(), at, udise, district, block, "2026-27", primary, upper));
    }

    private void meal(String udise, String day, int present, int meals, String reason, Instant at) throws Exception {
        send(SchoolTopics.MEALS, SCHOOL, new DailyMealReported(DomainEvent.newId(), at, udise, LocalDate.parse(day),
                present * 4 / 5, present - present * 4 / 5, meals, reason, "APP"));
    }

    private static DeliveryReceived received(String udise, String district, String block, String promised,
            String received) {
        LocalDate promisedOn = LocalDate.parse(promised);
        LocalDate receivedOn = LocalDate.parse(received);
        return new DeliveryReceived(DomainEvent.newId(), at(received), UUID.randomUUID(), udise,
                udise == null ? UUID.randomUUID() : null, district, block, UUID.randomUUID(), "RICE", promisedOn,
                receivedOn, new BigDecimal("250.000"), !receivedOn.isAfter(promisedOn));
    }

    private void risk(String udise, String day, double score, String level) throws Exception {
        send(MlTopics.RISKS, ML, new RiskScored(DomainEvent.newId(), at(day), udise, LocalDate.parse(day), score, level,
                "t1", List.of("stock")));
    }

    /** Noon in India on a day. */
    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(INDIA).toInstant();
    }

    private void send(String topic, CloudEventCodec codec, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), codec.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    private <T> ResponseEntity<T> get(String path, String token, Class<T> type) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), type);
    }

    private static org.springframework.http.HttpHeaders json(String token) {
        org.springframework.http.HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
    }

}
