package in.mdm.finance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit's jurisdiction contract on every read and list endpoint of
 * finance-service. District A is Sivaganga (585): funded schools A1 and A2 in block 6308,
 * A1 allocated for the year with a release pending the district's approval; block 6309 of
 * the same district holds none of it. District B is Theni (588): school B1 in block 6338,
 * allocated, its release approved by its district and pending its block. The cost norms
 * are the state's and the treasury reconciliation is the ADMIN's; neither is part of the
 * contract.
 */
@MdmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceJurisdictionIntegrationTests {

    static final String A = "585";
    static final String B = "588";
    static final String A1 = "33850800201";
    static final String A2 = "33850800202";
    static final String B1 = "33883800201";
    static final String YEAR = "2051-52";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String releaseA;

    String releaseB;

    @BeforeAll
    void fundedSchoolsOfTwoDistricts() {
        Http admin = Http.as(port, TestTokens.admin());
        Fixtures.school(jdbc, A1, A, "6308");
        Fixtures.school(jdbc, A2, A, "6308");
        Fixtures.school(jdbc, B1, B, "6338");
        UUID allocationA = Fixtures.allocate(jdbc, admin, A1, YEAR, 100, 20, A, "6308");
        UUID allocationB = Fixtures.allocate(jdbc, admin, B1, YEAR, 80, 10, B, "6338");
        releaseA = release(admin, allocationA);
        releaseB = release(admin, allocationB);
        assertThat(Http.as(port, TestTokens.officer(B))
            .post("/api/v1/financial/releases/" + releaseB + "/approve", "")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Reads of school A1's data, which its headmaster may call too. */
    List<String> schoolReads() {
        return List.of("/api/v1/financial/schools/" + A1,
                "/api/v1/financial/allocations/school/" + A1 + "?academicYear=" + YEAR,
                "/api/v1/financial/releases/" + releaseA,
                "/api/v1/financial/utilization/school/" + A1 + "?academicYear=" + YEAR);
    }

    JurisdictionContract schoolLists(JurisdictionContract contract, Set<String> schoolsOfA) {
        return contract.list("/api/v1/financial/schools?size=500", "$.items[*].udiseCode", schoolsOfA, Set.of(B1))
            .list("/api/v1/financial/releases?size=500", "$.items[*].releaseId", Set.of(releaseA), Set.of(releaseB))
            // the pending dashboard: A's release waits for its district, B's for its
            // block
            .list("/api/v1/financial/releases/pending", "$[*].level", Set.of("DISTRICT"), Set.of("BLOCK"));
    }

    JurisdictionContract officerLists(JurisdictionContract contract) {
        return contract
            .list("/api/v1/financial/utilization?academicYear=" + YEAR + "&size=500", "$.items[*].udiseCode",
                    Set.of(A1), Set.of(B1))
            .list("/api/v1/financial/audit?entity=release&size=500", "$.items[*].entityId", Set.of(releaseA),
                    Set.of(releaseB));
    }

    @Test
    void anotherDistrictsOfficerFindsNoneOfItAndListsOnlyItsOwn() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .outsider("the officer of block 6309 in district " + A, TestTokens.blockOfficer("6309"))
            .read("/api/v1/financial/allocations/" + A + "?academicYear=" + YEAR)
            .read("/api/v1/financial/allocations/block/6308?academicYear=" + YEAR);
        schoolReads().forEach(contract::read);
        officerLists(schoolLists(contract, Set.of(A1, A2))).verify();
    }

    @Test
    void theBlockOfficerReadsItsBlocksAndNotTheDistrictsTotals() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .insider("the officer of block 6308", TestTokens.blockOfficer("6308"))
            .read("/api/v1/financial/allocations/block/6308?academicYear=" + YEAR);
        schoolReads().forEach(contract::read);
        officerLists(schoolLists(contract, Set.of(A1, A2))).verify();
        ResponseEntity<Map> district = Http.as(port, TestTokens.blockOfficer("6308"))
            .get("/api/v1/financial/allocations/" + A + "?academicYear=" + YEAR);
        assertThat(district.getStatusCode()).as("a district's totals are not its block's")
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aHeadmasterReadsItsSchoolAndNotTheNeighboursInTheSameBlock() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .insider("the headmaster of " + A1, TestTokens.school(A1))
            .outsider("the headmaster of " + A2 + " in the same block", TestTokens.school(A2));
        schoolReads().forEach(contract::read);
        schoolLists(contract, Set.of(A1)).verify();
    }

    private static String release(Http admin, UUID allocation) {
        ResponseEntity<Map> created = admin.post("/api/v1/financial/releases",
                "{\"allocationId\":\"" + allocation + "\",\"kind\":\"QUARTERLY\",\"quarter\":1}");
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("releaseId");
    }

}
