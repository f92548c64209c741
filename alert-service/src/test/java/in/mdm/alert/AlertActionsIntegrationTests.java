package in.mdm.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.alert.alert.AlertEngine;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.RiskScored;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unread, mark-read, acknowledge, delete and statistics, each inside the caller's
 * jurisdiction: another district's officer gets a 404 and sees nothing. Chennai (568) has
 * schools in blocks 6301 and 6302, Coimbatore (569) one in 6401.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class AlertActionsIntegrationTests {

    static final String CHENNAI_SCHOOL = "33020100101";

    static final String CHENNAI_OTHER = "33020200201";

    static final String COIMBATORE_SCHOOL = "33120100301";

    @Autowired
    AlertEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    UUID chennai;

    UUID chennaiOther;

    UUID coimbatore;

    @BeforeEach
    void anAlertInEachSchool() {
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alerts").update();
        locations.record(CHENNAI_SCHOOL, "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record(CHENNAI_OTHER, "568", "6302", Instant.now(), UUID.randomUUID());
        locations.record(COIMBATORE_SCHOOL, "569", "6401", Instant.now(), UUID.randomUUID());
        engine.risks(List.of(risk(CHENNAI_SCHOOL, 90), risk(CHENNAI_OTHER, 55), risk(COIMBATORE_SCHOOL, 75)));
        chennai = id(CHENNAI_SCHOOL);
        chennaiOther = id(CHENNAI_OTHER);
        coimbatore = id(COIMBATORE_SCHOOL);
    }

    @Test
    void markingReadTakesAnAlertOffTheCallersUnreadListOnly() {
        String deo = TestTokens.officer("568");
        assertThat(ids("/api/v1/alerts/unread", deo)).containsExactlyInAnyOrder(chennai, chennaiOther);
        assertThat(call(HttpMethod.POST, "/api/v1/alerts/mark-read/" + chennai, deo).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(HttpMethod.POST, "/api/v1/alerts/mark-read/" + chennai, deo).getStatusCode())
            .as("again: nothing changes")
            .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(ids("/api/v1/alerts/unread", deo)).containsExactly(chennaiOther);
        assertThat(ids("/api/v1/alerts/unread", TestTokens.admin())).contains(chennai, chennaiOther, coimbatore);

        ProblemAssertions.assertProblem(
                call(HttpMethod.POST, "/api/v1/alerts/mark-read/" + chennaiOther, TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "alert.not-found");
        ProblemAssertions.assertProblem(call(HttpMethod.POST, "/api/v1/alerts/mark-read/" + UUID.randomUUID(), deo),
                HttpStatus.NOT_FOUND, "alert.not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void acknowledgingStopsEscalationAndAnotherDistrictCannotAcknowledge() {
        ProblemAssertions.assertProblem(
                call(HttpMethod.POST, "/api/v1/alerts/" + chennai + "/acknowledge", TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "alert.not-found");
        ProblemAssertions.assertProblem(
                call(HttpMethod.POST, "/api/v1/alerts/" + chennai + "/acknowledge", TestTokens.blockOfficer("6302")),
                HttpStatus.NOT_FOUND, "alert.not-found");

        ResponseEntity<Map> acknowledged = call(HttpMethod.POST, "/api/v1/alerts/" + chennai + "/acknowledge",
                TestTokens.blockOfficer("6301"));
        assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(acknowledged.getBody()).containsEntry("status", "ACKNOWLEDGED")
            .containsEntry("acknowledgedBy", "beo.6301");
        Object at = acknowledged.getBody().get("acknowledgedAt");
        assertThat(call(HttpMethod.POST, "/api/v1/alerts/" + chennai + "/acknowledge", TestTokens.officer("568"))
            .getBody()).as("again: the first acknowledgement stands")
            .containsEntry("acknowledgedBy", "beo.6301")
            .containsEntry("acknowledgedAt", at);
        // the change in the service's chained trail, once, with the alert before and
        // after
        Map<String, Object> trail = call(HttpMethod.GET,
                "/api/v1/alerts/audit?entityType=alert&action=alert.acknowledge&entityId=" + chennai,
                TestTokens.admin())
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "beo.6301");
            assertThat((Map<String, Object>) entry.get("before")).containsEntry("status", "OPEN");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("acknowledgedBy", "beo.6301");
        });

        engine.risks(List.of(risk(CHENNAI_OTHER, 1)));
        ProblemAssertions.assertProblem(
                call(HttpMethod.POST, "/api/v1/alerts/" + chennaiOther + "/acknowledge", TestTokens.officer("568")),
                HttpStatus.CONFLICT, "alert.resolved");
        ProblemAssertions.assertInvalid(call(HttpMethod.POST, "/api/v1/alerts/42/acknowledge", TestTokens.admin()),
                "id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyAnAdminDeletesAndTheDeletionIsSoftAndAudited() {
        assertThat(call(HttpMethod.DELETE, "/api/v1/alerts/" + chennai, TestTokens.officer("568")).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.DELETE, "/api/v1/alerts/" + chennai, TestTokens.admin()).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        ProblemAssertions.assertProblem(call(HttpMethod.GET, "/api/v1/alerts/" + chennai, TestTokens.admin()),
                HttpStatus.NOT_FOUND, "alert.not-found");
        ProblemAssertions.assertProblem(call(HttpMethod.DELETE, "/api/v1/alerts/" + chennai, TestTokens.admin()),
                HttpStatus.NOT_FOUND, "alert.not-found");
        assertThat(ids("/api/v1/alerts?size=100", TestTokens.admin())).doesNotContain(chennai);
        assertThat(jdbc.sql("select status, deleted_by, resolution from alerts where id = :id")
            .param("id", chennai)
            .query()
            .singleRow()).containsEntry("status", "RESOLVED")
            .containsEntry("deleted_by", "state.admin")
            .containsEntry("resolution", "Deleted by state.admin");
        assertThat(jdbc.sql("select by_user from alert_audit where action = 'alert.deleted' and target = :id")
            .param("id", chennai.toString())
            .query(String.class)
            .list()).containsExactly("state.admin");
        Map<String, Object> trail = call(HttpMethod.GET,
                "/api/v1/alerts/audit?entityType=alert&action=alert.delete&entityId=" + chennai, TestTokens.admin())
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "state.admin").containsEntry("after", null);
            assertThat((Map<String, Object>) entry.get("before")).containsEntry("id", chennai.toString());
        });
        // the school may be alerted again: the deleted alert no longer holds its place
        engine.risks(List.of(risk(CHENNAI_SCHOOL, 91)));
        assertThat(ids("/api/v1/alerts?school=" + CHENNAI_SCHOOL, TestTokens.admin())).hasSize(1)
            .doesNotContain(chennai);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statisticsCountOnlyTheCallersJurisdiction() {
        ResponseEntity<Map> all = call(HttpMethod.GET, "/api/v1/alerts/statistics", TestTokens.admin());
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).containsEntry("total", 3)
            .containsEntry("bySeverity", Map.of("CRITICAL", 2, "WARNING", 1))
            .containsEntry("byType", Map.of("risk", 3))
            .containsEntry("byDistrict", Map.of("568", 2, "569", 1));
        List<Map<String, Object>> days = (List<Map<String, Object>>) all.getBody().get("perDay");
        assertThat(days).hasSize(30);
        assertThat(days.get(29)).containsEntry("date", LocalDate.now(ZoneId.of("Asia/Kolkata")).toString())
            .containsEntry("alerts", 3);

        assertThat(call(HttpMethod.GET, "/api/v1/alerts/statistics", TestTokens.officer("569")).getBody())
            .containsEntry("total", 1)
            .containsEntry("byDistrict", Map.of("569", 1));
        assertThat(call(HttpMethod.GET, "/api/v1/alerts/statistics", TestTokens.blockOfficer("6302")).getBody())
            .containsEntry("total", 1)
            .containsEntry("bySeverity", Map.of("WARNING", 1));
        ProblemAssertions.assertInvalid(
                call(HttpMethod.GET, "/api/v1/alerts/statistics?from=2026-12-05&to=2026-12-01", TestTokens.admin()),
                "from");
        ProblemAssertions.assertInvalid(
                call(HttpMethod.GET, "/api/v1/alerts/statistics?from=2024-01-01&to=2026-12-01", TestTokens.admin()),
                "from");
    }

    @Test
    void anotherDistrictReadsAndListsNoneOfADistrictsAlerts() {
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .read("/api/v1/alerts/" + chennai)
            .read("/api/v1/alerts/" + chennaiOther)
            .list("/api/v1/alerts/unread", "$.items[*].id", Set.of(chennai.toString(), chennaiOther.toString()),
                    Set.of(coimbatore.toString()))
            .list("/api/v1/alerts?district=568&size=100", "$.items[*].id",
                    Set.of(chennai.toString(), chennaiOther.toString()), Set.of())
            .verify();
    }

    private UUID id(String udise) {
        return jdbc.sql("select id from alerts where udise_code = :u and status <> 'RESOLVED'")
            .param("u", udise)
            .query(UUID.class)
            .single();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String path, String token) {
        ResponseEntity<Map> page = call(HttpMethod.GET, path, token);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
            .map(item -> UUID.fromString((String) item.get("id")))
            .toList();
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String token) {
        return http.exchange(path, method, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

    private static RiskScored risk(String udise, double score) {
        return new RiskScored(DomainEvent.newId(), Instant.now(), udise, LocalDate.now().plusDays(1), score, "HIGH",
                "risk-v1", List.of());
    }

}
