package in.mdm.report;

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
import org.springframework.test.context.TestPropertySource;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may request and read which report: Chennai (568) with a school in block 6301 and
 * one in block 6302; Coimbatore (569) with a school in block 6401.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
// the jobs stay as these tests put them: no worker takes them
@TestPropertySource(properties = "mdm.report.worker=false")
class ReportJurisdictionIntegrationTests {

    static final String SCHOOL = "33020100301";
    static final String OTHER_BLOCKS_SCHOOL = "33020200302";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @LocalServerPort
    int port;

    @BeforeEach
    void places() {
        http.getRestTemplate().setInterceptors(List.of());
        jdbc.sql("delete from report_jobs").update();
        locations.record(SCHOOL, "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record(OTHER_BLOCKS_SCHOOL, "568", "6302", Instant.now(), UUID.randomUUID());
        locations.record("33120100303", "569", "6401", Instant.now(), UUID.randomUUID());
    }

    @Test
    void anotherDistrictReadsNoneOfADistrictsReportsAndListsOnlyItsOwn() {
        String deo = TestTokens.officer("568");
        String district = created(request(deo, "DISTRICT", "568"));
        String block = created(request(deo, "BLOCK", "6301"));
        String school = created(request(deo, "SCHOOL", SCHOOL));
        String coimbatore = created(request(TestTokens.officer("569"), "DISTRICT", "569"));
        String coimbatoreBlock = created(request(TestTokens.officer("569"), "BLOCK", "6401"));

        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .outsider("the officer of block 6302", TestTokens.blockOfficer("6302"))
            .outsider("the headmaster of " + OTHER_BLOCKS_SCHOOL, TestTokens.school(OTHER_BLOCKS_SCHOOL))
            .read("/api/v1/reports/" + district)
            .read("/api/v1/reports/" + block)
            .read("/api/v1/reports/" + school)
            .list("/api/v1/reports?size=100", "$.items[*].id", Set.of(district, block, school),
                    Set.of(coimbatore, coimbatoreBlock))
            .verify();
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .insider("the officer of block 6301", TestTokens.blockOfficer("6301"))
            .read("/api/v1/reports/" + block)
            .read("/api/v1/reports/" + school)
            .list("/api/v1/reports?size=100&reportType=PERFORMANCE", "$.items[*].id", Set.of(block, school),
                    Set.of(coimbatoreBlock))
            .verify();
    }

    @Test
    void aDistrictOfficerReportsOnItsDistrictBlocksAndSchoolsOnly() {
        String deo = TestTokens.officer("568");
        String district = created(request(deo, "DISTRICT", "568"));
        String block = created(request(deo, "BLOCK", "6301"));
        String school = created(request(deo, "SCHOOL", SCHOOL));
        ProblemAssertions.assertProblem(request(deo, "DISTRICT", "569"), HttpStatus.NOT_FOUND,
                "report.scope.not-found");
        ProblemAssertions.assertProblem(request(deo, "BLOCK", "6401"), HttpStatus.NOT_FOUND, "report.scope.not-found");
        ProblemAssertions.assertProblem(request(deo, "STATE", "33"), HttpStatus.NOT_FOUND, "report.scope.not-found");
        ProblemAssertions.assertProblem(request(TestTokens.blockOfficer("6301"), "DISTRICT", "568"),
                HttpStatus.NOT_FOUND, "report.scope.not-found");
        ProblemAssertions.assertProblem(request(TestTokens.school("33020100302"), "SCHOOL", SCHOOL),
                HttpStatus.NOT_FOUND, "report.scope.not-found");
        String state = created(request(TestTokens.admin(), "STATE", "33"));
        // a schedule is asked for where a report is: another district, or a scope wider
        // than the caller's, is not found
        assertThat(schedule(deo, "BLOCK", "6302").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ProblemAssertions.assertProblem(schedule(deo, "DISTRICT", "569"), HttpStatus.NOT_FOUND,
                "report.scope.not-found");
        ProblemAssertions.assertProblem(schedule(TestTokens.blockOfficer("6302"), "DISTRICT", "568"),
                HttpStatus.NOT_FOUND, "report.scope.not-found");
        ProblemAssertions.assertProblem(schedule(TestTokens.school(SCHOOL), "BLOCK", "6301"), HttpStatus.NOT_FOUND,
                "report.scope.not-found");

        assertThat(ids(deo)).containsExactlyInAnyOrder(district, block, school);
        assertThat(ids(TestTokens.blockOfficer("6301"))).containsExactlyInAnyOrder(block, school);
        assertThat(ids(TestTokens.school(SCHOOL))).containsExactly(school);
        assertThat(ids(TestTokens.officer("569"))).isEmpty();
        assertThat(ids(TestTokens.admin())).containsExactlyInAnyOrder(district, block, school, state);

        assertThat(get("/api/v1/reports/" + block, TestTokens.blockOfficer("6301")).getBody())
            .containsEntry("requestedBy", "deo.568");
        ProblemAssertions.assertProblem(get("/api/v1/reports/" + district, TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "report.not-found");
        ProblemAssertions.assertProblem(get("/api/v1/reports/" + state, TestTokens.officer("568")),
                HttpStatus.NOT_FOUND, "report.not-found");
        ProblemAssertions.assertProblem(get("/api/v1/reports", null), HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
    }

    private ResponseEntity<Map> request(String token, String level, String code) {
        String body = """
                {"reportType":"PERFORMANCE","format":"PDF","scopeLevel":"%s","scopeCode":"%s",
                 "periodFrom":"2026-11-01","periodTo":"2026-11-23"}""".formatted(level, code);
        return http.exchange("/api/v1/reports", HttpMethod.POST, new HttpEntity<>(body, TestTokens.bearer(token)),
                Map.class);
    }

    private ResponseEntity<Map> schedule(String token, String level, String code) {
        String body = """
                {"type":"PERFORMANCE","period":"MONTHLY","scope":"%s","code":"%s","format":"PDF",
                 "cron":"0 0 6 1 * *","recipients":["deo.568"]}""".formatted(level, code);
        return http.exchange("/api/v1/reports/schedule", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(token)), Map.class);
    }

    private static String created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String token) {
        return ((List<Map<String, Object>>) get("/api/v1/reports", token).getBody().get("items")).stream()
            .map(item -> (String) item.get("id"))
            .toList();
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(token == null ? null : TestTokens.bearer(token)),
                Map.class);
    }

}
