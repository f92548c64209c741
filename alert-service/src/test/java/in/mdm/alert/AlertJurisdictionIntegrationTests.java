package in.mdm.alert;

import java.sql.Timestamp;
import java.time.Instant;
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

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which alert. Chennai (district 568) has blocks 6301 and 6302 with one school
 * each; Coimbatore (569) block 6401 with one school. Alerts exist at every level.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class AlertJurisdictionIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @LocalServerPort
    int port;

    UUID state;

    UUID chennai;

    UUID block6301;

    UUID school6301;

    UUID school6302;

    UUID coimbatoreSchool;

    @BeforeEach
    void alertsAtEveryLevel() {
        http.getRestTemplate().setInterceptors(List.of());
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alerts").update();
        locations.record("33020100101", "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record("33020200201", "568", "6302", Instant.now(), UUID.randomUUID());
        locations.record("33120100301", "569", "6401", Instant.now(), UUID.randomUUID());
        state = insert("STATE", "33", null);
        chennai = insert("DISTRICT", "568", null);
        block6301 = insert("BLOCK", "6301", null);
        school6301 = insert("SCHOOL", "33020100101", "33020100101");
        school6302 = insert("SCHOOL", "33020200201", "33020200201");
        coimbatoreSchool = insert("SCHOOL", "33120100301", "33120100301");
    }

    @Test
    void eachLevelListsOnlyTheAlertsInsideItsJurisdiction() {
        assertThat(ids(TestTokens.admin())).containsExactlyInAnyOrder(state, chennai, block6301, school6301, school6302,
                coimbatoreSchool);
        assertThat(ids(TestTokens.officer("568"))).containsExactlyInAnyOrder(chennai, block6301, school6301,
                school6302);
        assertThat(ids(TestTokens.blockOfficer("6301"))).containsExactlyInAnyOrder(block6301, school6301);
        assertThat(ids(TestTokens.school("33020200201"))).containsExactly(school6302);
        assertThat(ids(TestTokens.officer("569"))).containsExactly(coimbatoreSchool);
    }

    @Test
    void anotherDistrictReadsNoneOfADistrictsAlertsAndListsOnlyItsOwn() {
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .read("/api/v1/alerts/" + chennai)
            .read("/api/v1/alerts/" + block6301)
            .read("/api/v1/alerts/" + school6301)
            .read("/api/v1/alerts/" + school6302)
            .list("/api/v1/alerts?size=100", "$.items[*].id", ids(chennai, block6301, school6301, school6302),
                    ids(coimbatoreSchool))
            .list("/api/v1/alerts?size=100&scopeLevel=SCHOOL", "$.items[*].id", ids(school6301, school6302),
                    ids(coimbatoreSchool))
            .verify();
    }

    @Test
    void insideADistrictABlockAndASchoolReadOnlyTheirOwnAlerts() {
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .insider("the officer of block 6301", TestTokens.blockOfficer("6301"))
            .outsider("the officer of block 6302", TestTokens.blockOfficer("6302"))
            .outsider("the headmaster of 33020200201", TestTokens.school("33020200201"))
            .read("/api/v1/alerts/" + block6301)
            .read("/api/v1/alerts/" + school6301)
            .list("/api/v1/alerts?size=100", "$.items[*].id", ids(block6301, school6301), ids(coimbatoreSchool))
            .verify();
        ProblemAssertions.assertProblem(get("/api/v1/alerts/" + chennai, TestTokens.blockOfficer("6301")),
                HttpStatus.NOT_FOUND, "alert.not-found");
        ProblemAssertions.assertProblem(get("/api/v1/alerts/" + state, TestTokens.officer("568")), HttpStatus.NOT_FOUND,
                "alert.not-found");
    }

    private static Set<String> ids(UUID... alerts) {
        return java.util.Arrays.stream(alerts).map(UUID::toString).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void withoutAValidTokenNothingIsRead() {
        ProblemAssertions.assertTokenRequired(token -> get("/api/v1/alerts", token));
        ProblemAssertions.assertProblem(
                get("/api/v1/alerts", TestTokens.token().subject("x").roles("ADMIN").forged().build()),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String token) {
        ResponseEntity<Map> page = get("/api/v1/alerts?size=100", token);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
            .map(item -> UUID.fromString((String) item.get("id")))
            .toList();
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(token == null ? null : TestTokens.bearer(token)),
                Map.class);
    }

    private UUID insert(String level, String code, String udise) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into alerts (id, rule_code, alert_type, severity, status, title, message, scope_level, scope_code, udise_code, raised_at, last_seen_at)
                        values (:id, 'stock.low', 'stock', 'WARNING', 'OPEN', 'Stock low', 'Rice covers one day', :level, :code, :udise, :raisedAt, :raisedAt)""")
            .param("id", id)
            .param("level", level)
            .param("code", code)
            .param("udise", udise)
            .param("raisedAt", Timestamp.from(Instant.now()))
            .update();
        return id;
    }

}
