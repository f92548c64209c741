package in.mdm.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
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
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.events.finance.FinanceTopics;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The allocation engine on the real PostgreSQL and Kafka. Each test works in an academic
 * year of its own, so tests sharing the database do not see each other's schools; the
 * years from 2040-41 on use norms the tests insert, the earlier ones the seeded norms.
 */
@MdmIntegrationTest
class AllocationIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");
    static final CloudEventCodec CODEC = CloudEventCodec.forService("finance-service");
    static final String CALCULATE = "/api/v1/financial/allocations/calculate";

    record Totals(String academicYear, int schools, BigDecimal total, BigDecimal centreShare, BigDecimal stateShare) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchoolAllocation(String udiseCode, String academicYear, int enrolledPrimary, int enrolledUpperPrimary,
            BigDecimal ratePrimary, BigDecimal rateUpperPrimary, int schoolDaysPrimary, BigDecimal amount,
            BigDecimal centreShare, BigDecimal stateShare) {
    }

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
    void hundredPrimaryChildrenAt6_80For220DaysCost149600() {
        norm("PRIMARY", "6.80", 220, "60.00", "2040-05-01");
        norm("UPPER_PRIMARY", "10.20", 220, "60.00", "2040-05-01");
        enroll("33010100001", "2040-41", 100, 0, "501", "5001");

        Totals totals = calculate("{\"academicYear\":\"2040-41\"}");

        assertThat(totals)
            .isEqualTo(new Totals("2040-41", 1, rupees("149600.00"), rupees("89760.00"), rupees("59840.00")));
        assertThat(http.getForObject("/api/v1/financial/allocations/school/33010100001?academicYear=2040-41",
                SchoolAllocation.class))
            .isEqualTo(new SchoolAllocation("33010100001", "2040-41", 100, 0, rupees("6.80"), rupees("10.20"), 220,
                    rupees("149600.00"), rupees("89760.00"), rupees("59840.00")));
    }

    @Test
    void mixedSchoolOf120PrimaryAnd80UpperPrimaryIn2026_27UsesThe2025NormsAndCosts357984() {
        enroll("33010100002", "2026-27", 120, 80, "502", "5002");

        Totals totals = calculate("{\"academicYear\":\"2026-27\",\"blockCode\":\"5002\"}");

        assertThat(totals)
            .isEqualTo(new Totals("2026-27", 1, rupees("357984.00"), rupees("214790.40"), rupees("143193.60")));
        SchoolAllocation school = http.getForObject(
                "/api/v1/financial/allocations/school/33010100002?academicYear=2026-27", SchoolAllocation.class);
        assertThat(school.ratePrimary()).isEqualTo(rupees("6.78"));
        assertThat(school.rateUpperPrimary()).isEqualTo(rupees("10.17"));
    }

    @Test
    void aYearStartingBeforeMay2025UsesTheDecember2024Norms() {
        enroll("33010100003", "2025-26", 0, 0, "503", "5003");
        enroll("33010100004", "2024-25", 10, 10, "503", "5003");

        // 2024-25 starts on 1 June 2024, before any norm: nothing to calculate with
        assertProblem(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2024-25\"}"), Map.class),
                HttpStatus.CONFLICT, "finance.norm.missing");
        // 2025-26 starts on 1 June 2025: the May 2025 norms
        Totals totals = calculate("{\"academicYear\":\"2025-26\",\"blockCode\":\"5003\"}");
        assertThat(totals.total()).isEqualTo(rupees("0.00"));
        assertThat(http
            .getForObject("/api/v1/financial/allocations/school/33010100003?academicYear=2025-26",
                    SchoolAllocation.class)
            .ratePrimary()).isEqualTo(rupees("6.78"));
        jdbc.sql("insert into cost_norms values ('PRIMARY', 6.00, 220, 60.00, date '2024-04-01'), "
                + "('UPPER_PRIMARY', 9.00, 220, 60.00, date '2024-04-01')")
            .update();
        try {
            // 10 × 6.00 × 220 + 10 × 9.00 × 220
            assertThat(calculate("{\"academicYear\":\"2024-25\",\"blockCode\":\"5003\"}").total())
                .isEqualTo(rupees("33000.00"));
        }
        finally {
            jdbc.sql("delete from cost_norms where effective_from = date '2024-04-01'").update();
        }
    }

    @Test
    void normsInForceThatDisagreeOnTheCentresShareAreRefusedAndNothingIsCalculated() {
        enroll("33090900001", "2050-51", 10, 10, "509", "5090");
        norm("PRIMARY", "6.80", 220, "60.00", "2050-05-01");
        norm("UPPER_PRIMARY", "10.20", 220, "90.00", "2050-05-01");
        try {
            assertProblem(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2050-51\",\"blockCode\":\"5090\"}"),
                    Map.class), HttpStatus.CONFLICT, "finance.norm.inconsistent");
            assertThat(jdbc.sql("select count(*) from allocations where academic_year = '2050-51'")
                .query(Long.class)
                .single()).isZero();
        }
        finally {
            jdbc.sql("delete from cost_norms where effective_from = date '2050-05-01'").update();
        }
    }

    @Test
    void centreAndStateAlwaysAddUpToTheAmountToThePaisaAndAgreeWithTheJavaArithmetic() {
        norm("PRIMARY", "6.79", 217, "90.00", "2041-05-01");
        norm("UPPER_PRIMARY", "10.13", 217, "90.00", "2041-05-01");
        Random random = new Random(41);
        int schools = 500;
        BigDecimal expectedTotal = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < schools; i++) {
            int primary = random.nextInt(600);
            int upper = random.nextInt(400);
            enroll("3302%07d".formatted(i), "2041-42", primary, upper, "504", "50" + (40 + i % 3));
            expectedTotal = expectedTotal.add(new BigDecimal("6.79").multiply(BigDecimal.valueOf(primary * 217L))
                .add(new BigDecimal("10.13").multiply(BigDecimal.valueOf(upper * 217L))));
        }

        Totals totals = calculate("{\"academicYear\":\"2041-42\"}");

        assertThat(totals.schools()).isEqualTo(schools);
        assertThat(totals.total()).isEqualTo(expectedTotal);
        assertThat(totals.centreShare().add(totals.stateShare())).isEqualTo(totals.total());
        List<Map<String, Object>> rows = jdbc.sql("""
                select enrolled_primary, enrolled_upper_primary, amount, centre_share, state_share
                from allocations where academic_year = '2041-42'""").query().listOfRows();
        assertThat(rows).hasSize(schools);
        // the data holds ties (a centre share ending in half a paisa), so half-even
        // rounding is really exercised
        assertThat(rows).anySatisfy(row -> assertThat(
                ((BigDecimal) row.get("amount")).multiply(new BigDecimal("0.90")).remainder(new BigDecimal("0.01")))
            .isEqualByComparingTo("0.005"));
        for (Map<String, Object> row : rows) {
            BigDecimal amount = (BigDecimal) row.get("amount");
            BigDecimal centre = (BigDecimal) row.get("centre_share");
            BigDecimal state = (BigDecimal) row.get("state_share");
            assertThat(centre.add(state)).isEqualTo(amount);
            BigDecimal javaCentre = amount.multiply(new BigDecimal("0.90"))
                .setScale(2, java.math.RoundingMode.HALF_EVEN);
            assertThat(centre).as("centre share of %s", amount).isEqualTo(javaCentre);
        }
    }

    @Test
    void enrollmentArrivesByAnEnrollmentUpdatedEventAndARedeliveryChangesNothing() throws Exception {
        EnrollmentUpdated first = new EnrollmentUpdated(DomainEvent.newId(), Instant.parse("2042-06-02T05:00:00Z"),
                "33030100001", "505", "5050", "2032-33", 150, 90);
        CloudEvent envelope = SCHOOL_SERVICE.encode(first);
        kafka.send(SchoolTopics.ENROLLMENTS, first.aggregateId(), envelope).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> enrollment("33030100001", "2032-33") != null);
        Map<String, Object> stored = enrollment("33030100001", "2032-33");
        assertThat(stored).containsEntry("primary_count", 150)
            .containsEntry("upper_primary_count", 90)
            .containsEntry("district_code", "505")
            .containsEntry("last_event_id", first.eventId().toString());

        double duplicates = consumed("duplicate");
        kafka.send(SchoolTopics.ENROLLMENTS, first.aggregateId(), envelope).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("duplicate") > duplicates);
        assertThat(enrollment("33030100001", "2032-33")).isEqualTo(stored);

        // an older correction is ignored; a newer one wins
        double applied = consumed("applied");
        send(new EnrollmentUpdated(DomainEvent.newId(), first.occurredAt().minusSeconds(60), "33030100001", "505",
                "5050", "2032-33", 1, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed("applied") > applied);
        assertThat(enrollment("33030100001", "2032-33")).isEqualTo(stored);
        send(new EnrollmentUpdated(DomainEvent.newId(), first.occurredAt().plusSeconds(60), "33030100001", "505",
                "5050", "2032-33", 160, 90));
        await().atMost(Duration.ofSeconds(20))
            .until(() -> enrollment("33030100001", "2032-33").get("primary_count").equals(160));

        // 160 × 6.78 × 220 + 90 × 10.17 × 220 = 238 656.00 + 201 366.00
        assertThat(calculate("{\"academicYear\":\"2032-33\"}").total()).isEqualTo(rupees("440022.00"));
    }

    @Test
    void calculatingTwiceGivesTheSameTotalsWithoutDuplicateRowsAndPublishesOneEventPerRun() {
        enroll("33040100001", "2033-34", 200, 0, "506", "5060");
        enroll("33040100002", "2033-34", 0, 100, "506", "5061");

        Totals first = calculate("{\"academicYear\":\"2033-34\"}");
        Totals second = calculate("{\"academicYear\":\"2033-34\"}");

        // 200 × 6.78 × 220 + 100 × 10.17 × 220
        assertThat(first)
            .isEqualTo(new Totals("2033-34", 2, rupees("522060.00"), rupees("313236.00"), rupees("208824.00")));
        assertThat(second).isEqualTo(first);
        assertThat(
                jdbc.sql("select count(*) from allocations where academic_year = '2033-34'").query(Long.class).single())
            .isEqualTo(2L);
        List<AllocationCalculated> published = await().atMost(Duration.ofSeconds(30))
            .until(() -> allocationEvents("2033-34"), events -> events.size() == 2);
        assertThat(published).allSatisfy(event -> {
            assertThat(event.scope()).isEqualTo(Jurisdiction.state("33"));
            assertThat(event.schools()).isEqualTo(2);
            assertThat(event.total()).isEqualTo(rupees("522060.00"));
            assertThat(event.centreShare()).isEqualTo(rupees("313236.00"));
        });
        assertThat(published.get(0).allocationId()).isNotEqualTo(published.get(1).allocationId());
    }

    @Test
    void scopeByDistrictOrBlockCalculatesAndReportsOnlyThatArea() {
        enroll("33050100001", "2034-35", 100, 0, "507", "5070");
        enroll("33050100002", "2034-35", 0, 100, "507", "5071");
        enroll("33050100003", "2034-35", 50, 50, "508", "5080");

        Totals block = calculate("{\"academicYear\":\"2034-35\",\"blockCode\":\"5071\"}");
        assertThat(block)
            .isEqualTo(new Totals("2034-35", 1, rupees("223740.00"), rupees("134244.00"), rupees("89496.00")));
        assertThat(
                jdbc.sql("select count(*) from allocations where academic_year = '2034-35'").query(Long.class).single())
            .isEqualTo(1L);

        Totals district = calculate("{\"academicYear\":\"2034-35\",\"districtCode\":\"507\"}");
        // 100 × 6.78 × 220 = 149 160.00, plus the block's 223 740.00
        assertThat(district)
            .isEqualTo(new Totals("2034-35", 2, rupees("372900.00"), rupees("223740.00"), rupees("149160.00")));
        assertThat(http.getForObject("/api/v1/financial/allocations/507?academicYear=2034-35", Totals.class))
            .isEqualTo(district);
        assertThat(http.getForObject("/api/v1/financial/allocations/block/5071?academicYear=2034-35", Totals.class))
            .isEqualTo(block);
        assertProblem(http.getForEntity("/api/v1/financial/allocations/508?academicYear=2034-35", Map.class),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");

        Totals state = calculate("{\"academicYear\":\"2034-35\"}");
        assertThat(state.schools()).isEqualTo(3);
        assertThat(state.total()).isEqualTo(rupees("372900.00").add(rupees("186450.00")));
        assertThat(http.getForObject("/api/v1/financial/allocations/508?academicYear=2034-35", Totals.class).total())
            .isEqualTo(rupees("186450.00"));
    }

    @Test
    void badAcademicYearsAndScopesAre400sNamingTheField() {
        assertInvalid(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2026-28\"}"), Map.class), "academicYear");
        assertInvalid(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2026\"}"), Map.class), "academicYear");
        assertInvalid(http.postForEntity(CALCULATE, json("{}"), Map.class), "academicYear");
        assertInvalid(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2026-27\",\"districtCode\":\"x1\"}"),
                Map.class), "districtCode");
        assertProblem(http.postForEntity(CALCULATE,
                json("{\"academicYear\":\"2026-27\",\"districtCode\":\"507\",\"blockCode\":\"5070\"}"), Map.class),
                HttpStatus.BAD_REQUEST, "finance.allocation.one-scope");
        assertProblem(http.postForEntity(CALCULATE, json("{\"academicYear\":\"2026-27\",\"state\":\"33\"}"), Map.class),
                HttpStatus.BAD_REQUEST, "request.unknown-field");
        assertInvalid(
                http.getForEntity("/api/v1/financial/allocations/school/33010100001?academicYear=2026-2027", Map.class),
                "academicYear");
        assertInvalid(http.getForEntity("/api/v1/financial/allocations/school/abc?academicYear=2026-27", Map.class),
                "udiseCode");
        assertInvalid(http.getForEntity("/api/v1/financial/allocations/block/5070?academicYear=27-28", Map.class),
                "academicYear");
    }

    @Test
    void unknownSchoolsAndEmptyAreasAre404s() {
        assertProblem(
                http.getForEntity("/api/v1/financial/allocations/school/33999999997?academicYear=2026-27", Map.class),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(http.getForEntity("/api/v1/financial/allocations/999999?academicYear=2026-27", Map.class),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(http.getForEntity("/api/v1/financial/allocations/block/999999?academicYear=2026-27", Map.class),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
    }

    private Totals calculate(String body) {
        ResponseEntity<Totals> response = http.postForEntity(CALCULATE, json(body), Totals.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private void norm(String category, String rate, int days, String centre, String from) {
        jdbc.sql("insert into cost_norms values (?, ?, ?, ?, ?)")
            .params(category, new BigDecimal(rate), days, new BigDecimal(centre), LocalDate.parse(from))
            .update();
    }

    private void enroll(String udise, String year, int primary, int upper, String district, String block) {
        jdbc.sql("""
                insert into enrollments (udise_code, academic_year, primary_count, upper_primary_count, district_code,
                                         block_code, last_event_id, last_event_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(udise, year, primary, upper, district, block, UUID.randomUUID().toString(),
                    Timestamp.from(Instant.now()))
            .update();
    }

    private Map<String, Object> enrollment(String udise, String year) {
        return jdbc.sql("""
                select primary_count, upper_primary_count, district_code, block_code, last_event_id
                from enrollments where udise_code = ? and academic_year = ?""")
            .params(udise, year)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElse(null);
    }

    private void send(EnrollmentUpdated event) throws Exception {
        kafka.send(SchoolTopics.ENROLLMENTS, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private List<AllocationCalculated> allocationEvents(String academicYear) {
        return KafkaProbe.onTestBroker()
            .readAll(FinanceTopics.ALLOCATIONS, Duration.ofSeconds(2))
            .stream()
            .map(record -> CODEC.decode(KafkaMessageFactory.createReader(record).toEvent()))
            .filter(AllocationCalculated.class::isInstance)
            .map(AllocationCalculated.class::cast)
            .filter(event -> event.academicYear().equals(academicYear))
            .toList();
    }

    private double consumed(String outcome) {
        // one counter per event type: sum them
        return meters.find("mdm.events.consumed")
            .tags("consumer", "finance.enrollments", "outcome", outcome)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();
    }

    private static BigDecimal rupees(String value) {
        return new BigDecimal(value);
    }

}
