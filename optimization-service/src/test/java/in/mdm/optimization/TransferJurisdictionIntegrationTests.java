package in.mdm.optimization;

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
 * Who may propose and see which transfer plan: schools 1 and 2 in Chennai (568, blocks
 * 6301 and 6302), schools 3 and 4 in Coimbatore (569, block 6401).
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class TransferJurisdictionIntegrationTests {

    static final String CHENNAI_1 = "33020100201";
    static final String CHENNAI_2 = "33020200202";
    static final String COIMBATORE = "33120100203";
    static final String COIMBATORE_2 = "33120100204";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @LocalServerPort
    int port;

    @BeforeEach
    void schools() {
        http.getRestTemplate().setInterceptors(List.of());
        jdbc.sql("delete from transfer_plans").update();
        locations.record(CHENNAI_1, "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record(CHENNAI_2, "568", "6302", Instant.now(), UUID.randomUUID());
        locations.record(COIMBATORE, "569", "6401", Instant.now(), UUID.randomUUID());
        locations.record(COIMBATORE_2, "569", "6401", Instant.now(), UUID.randomUUID());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherDistrictReadsNoneOfADistrictsPlansAndListsOnlyItsOwn() {
        String chennai = created(propose(TestTokens.officer("568"), CHENNAI_1, CHENNAI_2));
        String coimbatore = created(propose(TestTokens.officer("569"), COIMBATORE, COIMBATORE_2));
        String across = created(propose(TestTokens.admin(), CHENNAI_2, COIMBATORE));

        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .insider("the officer of block 6302", TestTokens.blockOfficer("6302"))
            .insider("the headmaster of the sending school", TestTokens.school(CHENNAI_1))
            .outsider("the officer of block 6401", TestTokens.blockOfficer("6401"))
            .outsider("the headmaster of " + COIMBATORE, TestTokens.school(COIMBATORE))
            .read("/api/v1/optimization/transfers/" + chennai)
            .list("/api/v1/optimization/transfers?size=100", "$.items[*].id", Set.of(chennai), Set.of(coimbatore))
            .verify();
        // a school filter names a school of the caller's jurisdiction: the officer of
        // block
        // 6302 filters by its own school, not by the sending school of block 6301
        JurisdictionContract.at("http://localhost:" + port)
            .districts("568", "569")
            .insider("the headmaster of the sending school", TestTokens.school(CHENNAI_1))
            .outsider("the officer of block 6302", TestTokens.blockOfficer("6302"))
            .outsider("the officer of block 6401", TestTokens.blockOfficer("6401"))
            .outsider("the headmaster of " + COIMBATORE, TestTokens.school(COIMBATORE))
            .list("/api/v1/optimization/transfers?size=100&udiseCode=" + CHENNAI_1, "$.items[*].id", Set.of(chennai),
                    Set.of())
            .verify();
        assertThat((List<Map<String, Object>>) get("/api/v1/optimization/transfers?udiseCode=" + CHENNAI_2,
                TestTokens.blockOfficer("6302"))
            .getBody()
            .get("items")).extracting(plan -> plan.get("id")).containsExactlyInAnyOrder(chennai, across);
        // a plan across two districts is each district's
        assertThat(get("/api/v1/optimization/transfers/" + across, TestTokens.officer("568")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/optimization/transfers/" + across, TestTokens.officer("569")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerProposesInsideItsDistrictAndSeesOnlyItsPlans() {
        ResponseEntity<Map> own = propose(TestTokens.officer("568"), CHENNAI_1, CHENNAI_2);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) own.getBody().get("id");

        ProblemAssertions.assertProblem(propose(TestTokens.officer("568"), CHENNAI_1, COIMBATORE), HttpStatus.NOT_FOUND,
                "optimization.school.not-found");
        ProblemAssertions.assertProblem(propose(TestTokens.officer("569"), CHENNAI_1, CHENNAI_2), HttpStatus.NOT_FOUND,
                "optimization.school.not-found");
        ProblemAssertions.assertProblem(propose(TestTokens.admin(), CHENNAI_1, "33999999999"), HttpStatus.NOT_FOUND,
                "optimization.school.not-found");
        assertThat(propose(TestTokens.admin(), CHENNAI_2, COIMBATORE).getStatusCode())
            .as("the state moves food across districts")
            .isEqualTo(HttpStatus.CREATED);

        assertThat(get("/api/v1/optimization/transfers/" + id, TestTokens.blockOfficer("6302")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(get("/api/v1/optimization/transfers/" + id, TestTokens.officer("569")),
                HttpStatus.NOT_FOUND, "optimization.transfer.not-found");
        assertThat(total(TestTokens.officer("568"))).isEqualTo(2);
        assertThat(total(TestTokens.officer("569"))).as("the cross-district plan only").isEqualTo(1);
        assertThat(total(TestTokens.school(CHENNAI_1))).isEqualTo(1);
        assertThat(total(TestTokens.admin())).isEqualTo(2);

        // the proposal in the service's chained trail, with the plan as recorded
        Map<String, Object> trail = get("/api/v1/optimization/audit?entityType=transfer&entityId=" + id,
                TestTokens.admin())
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "transfer.propose")
                .containsEntry("actor", "deo.568")
                .containsEntry("before", null);
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("fromUdiseCode", CHENNAI_1)
                .containsEntry("status", "PROPOSED");
        });
    }

    @Test
    void aHeadmasterMayNotProposeAndAnonymousCallersAreRefused() {
        ProblemAssertions.assertProblem(propose(TestTokens.school(CHENNAI_1), CHENNAI_1, CHENNAI_2),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        ProblemAssertions.assertProblem(get("/api/v1/optimization/transfers", null), HttpStatus.UNAUTHORIZED,
                "auth.unauthenticated");
    }

    private ResponseEntity<Map> propose(String token, String from, String to) {
        String body = """
                {"fromUdiseCode":"%s","toUdiseCode":"%s","commodity":"RICE","quantityKg":25.5,"reason":"cover a shortage"}"""
            .formatted(from, to);
        return http.exchange("/api/v1/optimization/transfers", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(token)), Map.class);
    }

    private static String created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(token == null ? null : TestTokens.bearer(token)),
                Map.class);
    }

    private long total(String token) {
        return ((Number) get("/api/v1/optimization/transfers", token).getBody().get("total")).longValue();
    }

}
