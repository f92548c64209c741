package in.mdm.optimization;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class TransferPlanIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @BeforeEach
    void noPlans() {
        jdbc.sql("delete from transfer_plans").update();
        for (int school = 101; school <= 106; school++) {
            locations.record("33020100" + school, "568", "6301", Instant.parse("2026-06-01T00:00:00Z"),
                    UUID.randomUUID());
        }
        // plans, their validation and constraints are what these tests are about: they
        // act as a state ADMIN
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
    }

    @Test
    void theMigrationCreatedTheTransferPlansTableInTheOptimizationSchema() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'optimization' and table_name = 'transfer_plans' order by ordinal_position""")
            .query(String.class)
            .list()).containsExactly("id", "from_udise_code", "to_udise_code", "commodity", "quantity_kg", "status",
                    "reason", "created_at", "decided_at", "decided_by", "decision_note", "updated_at", "source",
                    "run_id", "district_code", "distance_km", "cost_inr", "children_days", "children_days_per_inr",
                    "receiver_risk", "outcome_at", "outcome_note");
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202611251300'")
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void aStoredPlanIsReadBackThroughHttpWithItsExactQuantity() {
        UUID id = insert("33020100101", "33020100102", "RICE", "APPROVED", "2026-11-24T04:00:00Z");

        ResponseEntity<String> raw = http.getForEntity("/api/v1/optimization/transfers/" + id, String.class);
        assertThat(raw.getBody()).contains("\"quantityKg\":42.250");
        Map<String, Object> plan = http.getForObject("/api/v1/optimization/transfers/" + id, Map.class);
        assertThat(plan).containsEntry("id", id.toString())
            .containsEntry("fromUdiseCode", "33020100101")
            .containsEntry("toUdiseCode", "33020100102")
            .containsEntry("commodity", "RICE")
            .containsEntry("status", "APPROVED")
            .containsEntry("reason", "Rice at 33020100102 covers 1 day; 33020100101 holds 19 days")
            .containsEntry("createdAt", "2026-11-24T04:00:00Z")
            .containsEntry("decidedAt", "2026-11-24T05:00:00Z")
            .containsEntry("decidedBy", "beo.alanganallur");
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByStatusCommodityAndSchool() {
        insert("33020100101", "33020100102", "RICE", "PROPOSED", "2026-11-24T01:00:00Z");
        insert("33020100103", "33020100102", "PULSES", "PROPOSED", "2026-11-24T02:00:00Z");
        insert("33020100104", "33020100105", "RICE", "REJECTED", "2026-11-24T03:00:00Z");
        insert("33020100102", "33020100106", "OIL", "APPROVED", "2026-11-24T04:00:00Z");

        Map<String, Object> first = http.getForObject("/api/v1/optimization/transfers?size=3", Map.class);
        assertThat(first).containsEntry("total", 4).containsEntry("page", 0).containsEntry("size", 3);
        assertThat(routes(first)).containsExactly("33020100102>33020100106", "33020100104>33020100105",
                "33020100103>33020100102");
        assertThat(routes(http.getForObject("/api/v1/optimization/transfers?size=3&page=1", Map.class)))
            .containsExactly("33020100101>33020100102");

        assertThat(routes(http.getForObject("/api/v1/optimization/transfers?status=PROPOSED", Map.class)))
            .containsExactly("33020100103>33020100102", "33020100101>33020100102");
        assertThat(
                routes(http.getForObject("/api/v1/optimization/transfers?commodity=RICE&status=REJECTED", Map.class)))
            .containsExactly("33020100104>33020100105");
        assertThat(routes(http.getForObject("/api/v1/optimization/transfers?udiseCode=33020100102", Map.class)))
            .as("as sender or receiver")
            .containsExactly("33020100102>33020100106", "33020100103>33020100102", "33020100101>33020100102");
        assertThat(http.getForObject("/api/v1/optimization/transfers?commodity=WHEAT", Map.class))
            .containsEntry("total", 0);
    }

    @Test
    void aProposedTransferIsStoredAndASecondPendingOneForTheSameRouteIsAConflict() {
        String body = """
                {"fromUdiseCode":"33020100101","toUdiseCode":"33020100102","commodity":"RICE","quantityKg":37.5,
                 "reason":"Rice at 33020100102 runs out on Thursday"}""";

        ResponseEntity<Map> created = post(body);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/optimization/transfers/" + id);
        assertThat(created.getBody()).containsEntry("status", "PROPOSED").containsEntry("decidedAt", null);
        assertThat(jdbc.sql("select quantity_kg from transfer_plans where id = cast(:id as uuid)")
            .param("id", id)
            .query(BigDecimal.class)
            .single()).isEqualByComparingTo("37.5");
        assertThat(http.getForObject("/api/v1/optimization/transfers/" + id, Map.class)).containsEntry("commodity",
                "RICE");

        ResponseEntity<Map> again = post(body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("code", "optimization.transfer.already-proposed");
        assertThat(jdbc.sql("select count(*) from transfer_plans").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badProposalsAreA400NamingEveryBadField() {
        ResponseEntity<Map> invalid = post(
                """
                        {"fromUdiseCode":"3302","toUdiseCode":"33020100102","commodity":"RICE","quantityKg":-2,"reason":" "}""");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody()).containsEntry("code", "request.invalid");
        assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly("fromUdiseCode", "quantityKg", "reason");

        ResponseEntity<Map> tooPrecise = post(
                """
                        {"fromUdiseCode":"33020100101","toUdiseCode":"33020100102","commodity":"OIL","quantityKg":1.2345,"reason":"r"}""");
        assertThat((List<Map<String, Object>>) tooPrecise.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly("quantityKg");

        ResponseEntity<Map> sameSchool = post(
                """
                        {"fromUdiseCode":"33020100101","toUdiseCode":"33020100101","commodity":"RICE","quantityKg":5,"reason":"r"}""");
        assertThat(sameSchool.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sameSchool.getBody()).containsEntry("code", "optimization.transfer.same-school");

        ResponseEntity<Map> eggs = post(
                """
                        {"fromUdiseCode":"33020100101","toUdiseCode":"33020100102","commodity":"EGGS","quantityKg":5,"reason":"r"}""");
        assertThat(eggs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) eggs.getBody().get("detail")).contains("commodity");
        assertThat(jdbc.sql("select count(*) from transfer_plans").query(Long.class).single()).isZero();
    }

    @Test
    void badQueryParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/optimization/transfers?status=DONE", "status");
        assertBadParameter("/api/v1/optimization/transfers?commodity=SUGAR", "commodity");
        assertBadParameter("/api/v1/optimization/transfers?udiseCode=330201", "udiseCode");
        assertBadParameter("/api/v1/optimization/transfers?page=-3", "page");
        assertBadParameter("/api/v1/optimization/transfers/xyz", "id");
    }

    @Test
    void anUnknownPlanIsA404ProblemWithItsCode() {
        UUID unknown = UUID.randomUUID();
        ResponseEntity<Map> response = http.getForEntity("/api/v1/optimization/transfers/" + unknown, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "optimization.transfer.not-found");
    }

    @Test
    void theSchemaRefusesADecisionWithoutADecider() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into transfer_plans (id, from_udise_code, to_udise_code, commodity, quantity_kg, status, reason)
                values (:id, '33020100101', '33020100102', 'RICE', 10, 'APPROVED', 'r')""")
            .param("id", UUID.randomUUID())
            .update()).isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("transfer_plans_decision");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/optimization/transfers",
                "/api/v1/optimization/transfers/{id}", "MDM Twin optimization-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private UUID insert(String from, String to, String commodity, String status, String createdAt) {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse(createdAt);
        boolean decided = !"PROPOSED".equals(status);
        jdbc.sql("""
                insert into transfer_plans (id, from_udise_code, to_udise_code, commodity, quantity_kg, status, reason,
                                            created_at, decided_at, decided_by)
                values (:id, :from, :to, :commodity, 42.25, :status, :reason, :created, :decidedAt, :decidedBy)""")
            .param("id", id)
            .param("from", from)
            .param("to", to)
            .param("commodity", commodity)
            .param("status", status)
            .param("reason", "Rice at " + to + " covers 1 day; " + from + " holds 19 days")
            .param("created", Timestamp.from(created))
            .param("decidedAt", decided ? Timestamp.from(created.plusSeconds(3600)) : null)
            .param("decidedBy", decided ? "beo.alanganallur" : null)
            .update();
        return id;
    }

    private ResponseEntity<Map> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/optimization/transfers", new HttpEntity<>(json, headers), Map.class);
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    private static List<String> routes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
            .map(p -> p.get("fromUdiseCode") + ">" + p.get("toUdiseCode"))
            .toList();
    }

}
