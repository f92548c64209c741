package in.mdm.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cloudevents.CloudEvent;
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
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Norm revisions by ADMIN, audited adjustments of an allocation, recalculation on
 * EnrollmentUpdated that never goes below what was released, and jurisdiction on every
 * allocation endpoint. Each test works in its own academic year.
 */
@MdmIntegrationTest
class NormAndAdjustmentIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");
    static final String NORMS = "/api/v1/financial/norms";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Allocation(UUID allocationId, String udiseCode, String districtCode, String blockCode, int schoolDaysPrimary,
            int schoolDaysUpperPrimary, BigDecimal calculatedAmount, BigDecimal adjustment, BigDecimal amount,
            BigDecimal centreShare, BigDecimal stateShare, BigDecimal released) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Totals(int schools, BigDecimal total, BigDecimal centreShare, BigDecimal stateShare) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    Http admin;

    @BeforeEach
    void adminCalls() {
        admin = Http.as(port, TestTokens.admin());
    }

    @Test
    void tamilNaduPlans220PrimaryAnd207UpperPrimaryDays_100And100ChildrenCost359679() {
        ResponseEntity<List> added = admin.post(NORMS,
                """
                        {"effectiveFrom":"2045-05-01","centreSharePercent":60,
                         "primary":{"ratePerChildDay":6.78,"schoolDays":220},"upperPrimary":{"ratePerChildDay":10.17,"schoolDays":207}}""",
                List.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).hasSize(2);
        enroll("33110100001", "2045-46", 100, 100, "511", "5110");

        Totals totals = admin
            .post("/api/v1/financial/allocations/calculate", "{\"academicYear\":\"2045-46\"}", Totals.class)
            .getBody();

        // 100 × 6.78 × 220 = 149 160.00 and 100 × 10.17 × 207 = 210 519.00; centre 60 % =
        // 215 807.40
        assertThat(totals).isEqualTo(new Totals(1, rupees("359679.00"), rupees("215807.40"), rupees("143871.60")));
        Allocation allocation = allocation("33110100001", "2045-46");
        assertThat(allocation.schoolDaysPrimary()).isEqualTo(220);
        assertThat(allocation.schoolDaysUpperPrimary()).isEqualTo(207);
        List<Map<String, Object>> norms = admin.getForObject(NORMS, List.class);
        assertThat(norms).filteredOn(n -> "2045-05-01".equals(n.get("effectiveFrom")))
            .extracting(n -> n.get("category") + "/" + n.get("schoolDays") + "/" + n.get("createdBy"))
            .containsExactlyInAnyOrder("PRIMARY/220/state.admin", "UPPER_PRIMARY/207/state.admin");
    }

    @Test
    void aRevisionIsNeverRetroactiveFollowsASharingPatternAndIsAdminOnly() {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Kolkata")).minusDays(1).toString();
        String body = """
                {"effectiveFrom":"%s","centreSharePercent":%s,
                 "primary":{"ratePerChildDay":7.00,"schoolDays":220},"upperPrimary":{"ratePerChildDay":10.50,"schoolDays":220}}""";
        assertProblem(admin.post(NORMS, body.formatted(yesterday, "60")), HttpStatus.BAD_REQUEST,
                "finance.norm.retroactive");
        assertProblem(admin.post(NORMS, body.formatted("2046-05-01", "75")), HttpStatus.BAD_REQUEST,
                "finance.norm.sharing-pattern");
        assertInvalid(admin.post(NORMS, "{\"effectiveFrom\":\"2046-05-01\",\"centreSharePercent\":60,"
                + "\"primary\":{\"ratePerChildDay\":-1,\"schoolDays\":400},\"upperPrimary\":{\"schoolDays\":220}}"),
                "primary.ratePerChildDay", "primary.schoolDays", "upperPrimary.ratePerChildDay");
        assertProblem(Http.as(port, TestTokens.officer("512")).post(NORMS, body.formatted("2046-05-01", "90")),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        assertProblem(Http.as(port, null).get(NORMS), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");

        assertThat(admin.post(NORMS, body.formatted("2046-05-01", "90"), List.class).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertProblem(admin.post(NORMS, body.formatted("2046-05-01", "90")), HttpStatus.CONFLICT,
                "finance.norm.exists");
        // a school may read the norms
        assertThat(Http.as(port, TestTokens.school("33120100001")).get(NORMS, List.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRevisionDuringAYearChangesNeitherThatYearsAllocationNorItsRecalculation() {
        enroll("33170100001", "2048-49", 100, 0, "518", "5180");
        calculate("2048-49");
        Allocation before = allocation("33170100001", "2048-49");

        assertThat(admin.post(NORMS,
                """
                        {"effectiveFrom":"2049-01-01","centreSharePercent":60,
                         "primary":{"ratePerChildDay":9.99,"schoolDays":230},"upperPrimary":{"ratePerChildDay":12.99,"schoolDays":230}}""",
                List.class)
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        calculate("2048-49");

        // 2048-49 started on 1 June 2048: its norms are those in force that day, whatever
        // comes later
        assertThat(allocation("33170100001", "2048-49")).isEqualTo(before);
    }

    @Test
    void adjustingA149160AllocationTo150000_01SplitsItHalfEvenAt60PercentKeepsItOnRecalculationAndAuditsIt() {
        enroll("33130100001", "2043-44", 100, 0, "513", "5130");
        calculate("2043-44");
        Allocation before = allocation("33130100001", "2043-44");
        assertThat(before.amount()).isEqualTo(rupees("149160.00"));

        Allocation after = admin
            .put("/api/v1/financial/allocations/" + before.allocationId(),
                    "{\"amount\":150000.01,\"reason\":\"Flood relief: extra cooking days\"}", Allocation.class)
            .getBody();

        // 150 000.01 × 0.60 = 90 000.006 → 90 000.01; the state keeps 60 000.00
        assertThat(after.amount()).isEqualTo(rupees("150000.01"));
        assertThat(after.adjustment()).isEqualTo(rupees("840.01"));
        assertThat(after.centreShare()).isEqualTo(rupees("90000.01"));
        assertThat(after.stateShare()).isEqualTo(rupees("60000.00"));
        Map<String, Object> audit = jdbc.sql("""
                select actor, action, cast(before ->> 'amount' as numeric) as before_amount,
                       cast(after ->> 'amount' as numeric) as after_amount, reason, udise_code
                from audit_log where entity = 'allocation' and entity_id = ?""")
            .param(before.allocationId().toString())
            .query()
            .singleRow();
        assertThat(audit).containsEntry("actor", "state.admin")
            .containsEntry("action", "allocation.adjusted")
            .containsEntry("reason", "Flood relief: extra cooking days")
            .containsEntry("udise_code", "33130100001");
        assertThat((BigDecimal) audit.get("before_amount")).isEqualByComparingTo("149160.00");
        assertThat((BigDecimal) audit.get("after_amount")).isEqualByComparingTo("150000.01");

        // a recalculation keeps the adjustment on top of the calculated amount
        calculate("2043-44");
        assertThat(allocation("33130100001", "2043-44").amount()).isEqualTo(rupees("150000.01"));

        assertInvalid(admin.put("/api/v1/financial/allocations/" + before.allocationId(), "{\"amount\":-1}"), "amount",
                "reason");
        assertProblem(
                admin.put("/api/v1/financial/allocations/" + UUID.randomUUID(), "{\"amount\":1,\"reason\":\"x\"}"),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
    }

    @Test
    void anAllocationNeverGoesBelowWhatWasReleasedNeitherByHandNorWhenEnrollmentFalls() throws Exception {
        enroll("33140100001", "2044-45", 100, 0, "514", "5140");
        calculate("2044-45");
        Allocation allocation = allocation("33140100001", "2044-45");
        jdbc.sql("update allocations set released = 100000.00 where id = ?").param(allocation.allocationId()).update();

        assertProblem(
                admin.put("/api/v1/financial/allocations/" + allocation.allocationId(),
                        "{\"amount\":99999.99,\"reason\":\"Over-reported enrolment\"}"),
                HttpStatus.CONFLICT, "finance.allocation.below-released");
        assertThat(allocation("33140100001", "2044-45").amount()).isEqualTo(rupees("149160.00"));

        // enrollment falls to 10 children: calculated 10 × 6.78 × 220 = 14 916.00, but
        // 100 000.00 are out already
        EnrollmentUpdated fewer = new EnrollmentUpdated(DomainEvent.newId(), Instant.now().plusSeconds(5),
                "33140100001", "514", "5140", "2044-45", 10, 0);
        kafka.send(SchoolTopics.ENROLLMENTS, fewer.aggregateId(), SCHOOL_SERVICE.encode(fewer)).get();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> allocation("33140100001", "2044-45").calculatedAmount().compareTo(rupees("14916.00")) == 0);
        Allocation recalculated = allocation("33140100001", "2044-45");
        assertThat(recalculated.amount()).isEqualTo(rupees("100000.00"));
        assertThat(recalculated.centreShare()).isEqualTo(rupees("60000.00"));
        assertThat(recalculated.stateShare()).isEqualTo(rupees("40000.00"));

        // and back up to 120 children: 120 × 6.78 × 220 = 178 992.00 is above what was
        // released
        EnrollmentUpdated more = new EnrollmentUpdated(DomainEvent.newId(), Instant.now().plusSeconds(10),
                "33140100001", "514", "5140", "2044-45", 120, 0);
        kafka.send(SchoolTopics.ENROLLMENTS, more.aggregateId(), SCHOOL_SERVICE.encode(more)).get();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> allocation("33140100001", "2044-45").amount().compareTo(rupees("178992.00")) == 0);
    }

    @Test
    void officersAndSchoolsSeeAndAdjustOnlyInsideTheirJurisdiction() {
        enroll("33150100001", "2038-39", 50, 0, "515", "5150");
        enroll("33150200001", "2038-39", 50, 0, "516", "5160");
        calculate("2038-39");
        String path = "/api/v1/financial/allocations/school/33150100001?academicYear=2038-39";
        UUID id = allocation("33150100001", "2038-39").allocationId();

        assertThat(Http.as(port, TestTokens.officer("515")).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Http.as(port, TestTokens.blockOfficer("5150")).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Http.as(port, TestTokens.school("33150100001")).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(Http.as(port, TestTokens.officer("516")).get(path), HttpStatus.NOT_FOUND,
                "finance.allocation.not-found");
        assertProblem(Http.as(port, TestTokens.blockOfficer("5160")).get(path), HttpStatus.NOT_FOUND,
                "finance.allocation.not-found");
        assertProblem(Http.as(port, TestTokens.school("33150200001")).get(path), HttpStatus.NOT_FOUND,
                "finance.allocation.not-found");
        assertProblem(Http.as(port, null).get(path), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");

        assertThat(Http.as(port, TestTokens.officer("516"))
            .get("/api/v1/financial/allocations/516?academicYear=2038-39")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(
                Http.as(port, TestTokens.officer("516")).get("/api/v1/financial/allocations/515?academicYear=2038-39"),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(
                Http.as(port, TestTokens.officer("516"))
                    .get("/api/v1/financial/allocations/block/5150?academicYear=2038-39"),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(
                Http.as(port, TestTokens.officer("515"))
                    .post("/api/v1/financial/allocations/calculate", "{\"academicYear\":\"2038-39\"}"),
                HttpStatus.FORBIDDEN, "auth.forbidden");

        String adjust = "{\"amount\":1000.00,\"reason\":\"Correction\"}";
        assertProblem(Http.as(port, TestTokens.officer("516")).put("/api/v1/financial/allocations/" + id, adjust),
                HttpStatus.NOT_FOUND, "finance.allocation.not-found");
        assertProblem(
                Http.as(port, TestTokens.school("33150100001")).put("/api/v1/financial/allocations/" + id, adjust),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        assertThat(allocation("33150100001", "2038-39").amount()).isEqualTo(rupees("74580.00"));
        assertThat(Http.as(port, TestTokens.officer("515"))
            .put("/api/v1/financial/allocations/" + id, adjust)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select actor from audit_log where entity_id = ?")
            .param(id.toString())
            .query(String.class)
            .single()).isEqualTo("deo.515");
    }

    @Test
    void theAuditTrailShowsOfficersOnlyTheirOwnAreasChanges() {
        enroll("33160100001", "2039-40", 10, 0, "517", "5170");
        calculate("2039-40");
        UUID id = allocation("33160100001", "2039-40").allocationId();
        assertThat(admin.put("/api/v1/financial/allocations/" + id, "{\"amount\":20000.00,\"reason\":\"Drought\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        String trail = "/api/v1/financial/audit?entity=allocation&entityId=" + id;

        Map<String, Object> own = Http.as(port, TestTokens.officer("517")).getForObject(trail, Map.class);
        assertThat((List<Map<String, Object>>) own.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "state.admin").containsEntry("reason", "Drought");
            assertThat((String) entry.get("before")).contains("14916.00");
            assertThat((String) entry.get("after")).contains("20000.00");
        });
        assertThat((List<?>) Http.as(port, TestTokens.officer("518")).getForObject(trail, Map.class).get("items"))
            .isEmpty();
        assertProblem(Http.as(port, TestTokens.school("33160100001")).get(trail), HttpStatus.FORBIDDEN,
                "auth.forbidden");

        // the same change in the platform's trail of the service, chained by hash
        Map<String, Object> chained = admin
            .get("/api/v1/financial/audit-trail?entityType=allocation&entityId=" + id, Map.class)
            .getBody();
        assertThat((List<Map<String, Object>>) chained.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "allocation.adjusted").containsEntry("actor", "state.admin");
            assertThat(String.valueOf(entry.get("before"))).contains("amount=14916.0");
            assertThat(String.valueOf(entry.get("after"))).contains("amount=20000.0");
            assertThat((String) entry.get("hash")).isNotBlank();
        });
    }

    private void calculate(String year) {
        assertThat(admin.post("/api/v1/financial/allocations/calculate", "{\"academicYear\":\"" + year + "\"}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private Allocation allocation(String udise, String year) {
        ResponseEntity<Allocation> response = admin
            .get("/api/v1/financial/allocations/school/" + udise + "?academicYear=" + year, Allocation.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
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

    static BigDecimal rupees(String value) {
        return new BigDecimal(value);
    }

}
