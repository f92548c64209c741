package in.mdm.optimization.scenario;

import java.sql.Timestamp;
import java.time.Duration;
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
import org.springframework.test.context.TestPropertySource;

import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What-if runs over HTTP on a known state written into the planning copy: Chennai (568)
 * with X (block 6301, 100 meals a day, 12 days of stock) and Y (block 6302, 40 meals, 10
 * days), both served by supplier S1, and Z (6301, 60 meals, 14 days, supplier S2);
 * Coimbatore (569) with W (6401, supplier S3). Without random delivery delays or risk, S1
 * delayed by 20 days makes X miss its last 2 days (200 meals) and Y its last 4 (160).
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestPropertySource(properties = { "mdm.optimization.scenario.delay-weights=1.0",
        "mdm.optimization.scenario.risk-weight=0", "mdm.optimization.scenario.threads=2" })
class ScenarioIntegrationTests {

    static final String X = "33020100301", Y = "33020200302", Z = "33020100303", W = "33120100304";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScenarioService scenarios;

    @LocalServerPort
    int port;

    @BeforeEach
    void knownState() {
        http.getRestTemplate().setInterceptors(List.of());
        jdbc.sql("delete from scenario_runs").update();
        for (String table : List.of("planning_sites", "planning_stock", "planning_forecasts", "planning_risk")) {
            jdbc.sql("delete from " + table).update();
        }
        school(X, "568", "6301", "S1", 100, 12);
        school(Y, "568", "6302", "S1", 40, 10);
        school(Z, "568", "6301", "S2", 60, 14);
        school(W, "569", "6401", "S3", 50, 14);
    }

    private void school(String udise, String district, String block, String supplier, int meals, int days) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into planning_sites (site_code, kind, udise_code, district_code, block_code, supplier_code,
                                            updated_at)
                values (:code, 'SCHOOL', :code, :district, :block, :supplier, :now)""")
            .param("code", udise)
            .param("district", district)
            .param("block", block)
            .param("supplier", supplier)
            .param("now", now)
            .update();
        for (String[] c : new String[][] { { "RICE", "0.100" }, { "PULSES", "0.020" }, { "OIL", "0.005" } }) {
            jdbc.sql("""
                    insert into planning_stock (site_code, commodity, quantity_kg, days_of_stock, status, observed_at)
                    values (:code, :commodity, :kg, :days, 'OK', :now)""")
                .param("code", udise)
                .param("commodity", c[0])
                .param("kg", new java.math.BigDecimal(c[1]).multiply(java.math.BigDecimal.valueOf((long) meals * days)))
                .param("days", days)
                .param("now", now)
                .update();
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        jdbc.sql("""
                insert into planning_forecasts (udise_code, for_date, meals, lower80, upper80, observed_at)
                select :code, cast(:today as date) + d, :meals, :meals, :meals, :now from generate_series(-1, 13) d""")
            .param("code", udise)
            .param("today", today)
            .param("meals", meals)
            .param("now", now)
            .update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupplierDelayedPastItsSchoolsStockIsProjectedKeptAndListed() {
        ResponseEntity<Map> accepted = post(TestTokens.admin(), """
                {"districtCode":"568","runs":40,"seed":7,
                 "perturbations":[{"type":"SUPPLIER_DELAY","supplierCode":"S1","days":20}]}""");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) accepted.getBody().get("id");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/optimization/scenarios/" + id);
        assertThat(accepted.getBody()).containsEntry("status", "QUEUED").containsEntry("days", 14);

        Map<String, Object> done = finished(id, TestTokens.admin());
        assertThat(done).containsEntry("status", "SUCCEEDED")
            .containsEntry("progress", 100)
            .containsEntry("runsDone", 40)
            .containsEntry("schools", 3);
        Map<String, Object> total = (Map<String, Object>) done.get("total");
        assertThat((Map<String, Object>) total.get("baseline")).containsEntry("mean", 0.0);
        assertThat((Map<String, Object>) total.get("difference")).containsEntry("mean", 360.0)
            .containsEntry("p10", 360.0)
            .containsEntry("p90", 360.0);
        assertThat((List<Number>) ((Map<String, Object>) done.get("daily")).get("scenario")).containsExactly(0.0, 0.0,
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 40.0, 40.0, 140.0, 140.0);
        Map<String, Object> results = (Map<String, Object>) done.get("results");
        assertThat((List<Map<String, Object>>) results.get("topSchools"))
            .extracting(s -> s.get("code") + "=" + ((Map<String, Object>) s.get("difference")).get("mean"))
            .containsExactly(X + "=200.0", Y + "=160.0", Z + "=0.0");
        assertThat((List<Map<String, Object>>) results.get("blocks")).extracting(b -> b.get("code"))
            .containsExactly("6301", "6302");
        assertThat((List<Map<String, Object>>) results.get("districts")).extracting(d -> d.get("code"))
            .containsExactly("568");

        Map<String, Object> schools = get("/api/v1/optimization/scenarios/" + id + "/results?level=SCHOOL&size=2",
                TestTokens.admin())
            .getBody();
        assertThat(schools).containsEntry("total", 3);
        assertThat((List<Map<String, Object>>) schools.get("items")).extracting(s -> s.get("code"))
            .containsExactly(X, Y);

        Map<String, Object> list = get("/api/v1/optimization/scenarios?status=SUCCEEDED", TestTokens.admin()).getBody();
        assertThat((List<Map<String, Object>>) list.get("items")).extracting(s -> s.get("id")).containsExactly(id);

        // the same request on the same state: the same answer
        String again = (String) post(TestTokens.admin(), """
                {"districtCode":"568","runs":40,"seed":7,
                 "perturbations":[{"type":"SUPPLIER_DELAY","supplierCode":"S1","days":20}]}""").getBody().get("id");
        assertThat(finished(again, TestTokens.admin()).get("total")).isEqualTo(total);
    }

    @Test
    void anOfficerRunsAndReadsOnlyInsideItsDistrict() {
        String chennai = (String) post(TestTokens.officer("568"), "{\"runs\":5}").getBody().get("id");
        String coimbatore = (String) post(TestTokens.officer("569"), "{\"runs\":5}").getBody().get("id");
        finished(chennai, TestTokens.admin());
        finished(coimbatore, TestTokens.admin());

        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .outsider("the officer of block 6301, for a district's run", TestTokens.blockOfficer("6301"))
            .outsider("the headmaster of " + X, TestTokens.school(X))
            .read("/api/v1/optimization/scenarios/" + chennai)
            .read("/api/v1/optimization/scenarios/" + chennai + "/results")
            .list("/api/v1/optimization/scenarios?size=100", "$.items[*].id", Set.of(chennai), Set.of(coimbatore))
            .verify();

        ProblemAssertions.assertProblem(post(TestTokens.officer("568"), "{\"districtCode\":\"569\"}"),
                HttpStatus.NOT_FOUND, "optimization.scenario.area-not-found");
        ProblemAssertions.assertProblem(post(TestTokens.officer("568"), "{\"districtCode\":\"999\"}"),
                HttpStatus.NOT_FOUND, "optimization.scenario.area-not-found");
        ProblemAssertions.assertProblem(post(TestTokens.officer("568"), """
                {"perturbations":[{"type":"FLOOD","districtCode":"569","fromDay":1,"days":3}]}"""),
                HttpStatus.NOT_FOUND, "optimization.scenario.area-not-found");
        ProblemAssertions.assertProblem(post(TestTokens.officer("568"), """
                {"perturbations":[{"type":"SUPPLIER_DELAY","supplierCode":"S3","days":3}]}"""), HttpStatus.NOT_FOUND,
                "optimization.scenario.supplier-not-found");
        ProblemAssertions.assertProblem(post(TestTokens.blockOfficer("6301"), "{\"districtCode\":\"568\"}"),
                HttpStatus.NOT_FOUND, "optimization.scenario.area-not-found");
        ResponseEntity<Map> block = post(TestTokens.blockOfficer("6301"), "{\"runs\":3}");
        assertThat(block.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(block.getBody()).containsEntry("districtCode", "568").containsEntry("blockCode", "6301");
        ProblemAssertions.assertProblem(post(TestTokens.school(X), "{\"runs\":3}"), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        assertThat(jdbc.sql("select count(*) from scenario_runs").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badRequestsAreA400NamingTheFieldAndNothingIsKept() {
        assertFields(post(TestTokens.admin(), "{\"perturbations\":[{\"type\":\"METEOR\",\"districtCode\":\"568\"}]}"),
                "perturbations[0].type");
        assertFields(post(TestTokens.admin(), """
                {"runs":2001,"days":0,"perturbations":[{"type":"SUPPLIER_DELAY","supplierCode":"S1","days":-2}]}"""),
                "days", "perturbations[0].days", "runs");
        assertFields(post(TestTokens.admin(),
                """
                        {"perturbations":[{"type":"KITCHEN_CLOSED","fromDay":1,"days":2,"percent":5},
                                          {"type":"RELEASE_CUT","districtCode":"568","percent":150},
                                          {"type":"ATTENDANCE_SURGE","districtCode":"568","blockCode":"6301","percent":10}]}"""),
                "perturbations[0].kitchenId", "perturbations[0].percent", "perturbations[1].percent",
                "perturbations[2].districtCode");
        assertFields(post(TestTokens.admin(), "{\"seed\":1,\"colour\":\"red\"}"), "colour");
        ProblemAssertions.assertProblem(
                post(TestTokens.admin(),
                        """
                                {"perturbations":[{"type":"KITCHEN_CLOSED","kitchenId":"%s","fromDay":1,"days":2}]}"""
                            .formatted(UUID.randomUUID())),
                HttpStatus.NOT_FOUND, "optimization.scenario.kitchen-not-found");
        ProblemAssertions.assertProblem(get("/api/v1/optimization/scenarios/" + UUID.randomUUID(), TestTokens.admin()),
                HttpStatus.NOT_FOUND, "optimization.scenario.not-found");
        assertThat(jdbc.sql("select count(*) from scenario_runs").query(Long.class).single()).isZero();
    }

    @Test
    void aJobLeftRunningByAStoppedInstanceIsMarkedFailed() {
        UUID stopped = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        for (UUID id : List.of(stopped, alive)) {
            jdbc.sql("""
                    insert into scenario_runs (id, status, requested_by, district_code, days, runs, seed, perturbations,
                                               created_at, started_at, heartbeat_at)
                    values (:id, 'RUNNING', 'admin', '568', 14, 200, 1, '[]', :at, :at, :at)""")
                .param("id", id)
                .param("at",
                        Timestamp.from(Instant.now().minus(id == stopped ? Duration.ofMinutes(10) : Duration.ZERO)))
                .update();
        }

        scenarios.failStale();

        assertThat(get("/api/v1/optimization/scenarios/" + stopped, TestTokens.admin()).getBody())
            .containsEntry("status", "FAILED")
            .containsEntry("error", "stopped with its instance before it finished; run it again");
        assertThat(get("/api/v1/optimization/scenarios/" + alive, TestTokens.admin()).getBody()).containsEntry("status",
                "RUNNING");
    }

    @SuppressWarnings("unchecked")
    private static void assertFields(ResponseEntity<Map> response, String... fields) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactlyInAnyOrder((Object[]) fields);
    }

    private Map<String, Object> finished(String id, String token) {
        return await().atMost(Duration.ofSeconds(30))
            .until(() -> get("/api/v1/optimization/scenarios/" + id, token).getBody(),
                    body -> Set.of("SUCCEEDED", "FAILED").contains(body.get("status")));
    }

    private ResponseEntity<Map> post(String token, String body) {
        return http.exchange("/api/v1/optimization/scenarios", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(token)), Map.class);
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
