package in.mdm.school;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit's jurisdiction contract on every read and list endpoint of school-service
 * that holds a jurisdiction's data. District A is Sivaganga (585): schools A1 and A2 in
 * block Devakottai (6308), with all that can hang off a school; block Ilayankudi (6309)
 * of the same district holds none of it. District B is Theni (588), block 6338, with
 * schools B1 and B2. The master data (districts, blocks), the supplier register, food
 * norms and holidays are the same for everyone and not part of the contract; UDISE
 * imports are for an ADMIN or the UDISE client only.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolJurisdictionIntegrationTests {

    static final String A = "585";
    static final String B = "588";
    static final String A1 = "33850800101";
    static final String A2 = "33850800102";
    static final String B1 = "33883800101";
    static final String B2 = "33883800102";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    /** The school day the meal reports are for: a day no other test reports on. */
    static final LocalDate DAY = TODAY.minusDays(97);

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    String reportA;

    String reportB;

    String inspectionA;

    String inspectionB;

    String kitchenA;

    String kitchenB;

    String deliveryA;

    String transferA;

    @BeforeAll
    void eachDistrictsSchoolsAndWhatHangsOffThem() {
        school(A1, A, "6308");
        school(A2, A, "6308");
        school(B1, B, "6338");
        school(B2, B, "6338");
        assertThat(admin().put("/api/v1/schools/" + A1 + "/enrollments/2026-27", "{\"primary\":40,\"upperPrimary\":20}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        stock(A1, "100");
        transferA = id(Api.as(http, TestTokens.officer(A))
            .post("/api/v1/stock/transfers", """
                    {"from":"%s","to":"%s","commodity":"RICE","quantityKg":10,"reason":"a kitchen repair at %s"}"""
                .formatted(A1, A2, A2)), "transferId");
        reportA = report(A1);
        reportB = report(B1);
        inspectionA = inspection(A1);
        inspectionB = inspection(B1);
        kitchenA = id(admin().post("/api/v1/kitchens", """
                {"name":"Jurisdiction Contract Kitchen A","districtCode":"%s","blockCode":"6308"}""".formatted(A)),
                "id");
        kitchenB = id(admin().post("/api/v1/kitchens", """
                {"name":"Jurisdiction Contract Kitchen B","districtCode":"%s","blockCode":"6338"}""".formatted(B)),
                "id");
        String supplier = id(admin().post("/api/v1/suppliers", """
                {"code":"JC-585","name":"Jurisdiction Contract Supplier","kind":"OTHER"}"""), "id");
        deliveryA = id(admin().post("/api/v1/deliveries", """
                {"supplierId":"%s","udiseCode":"%s","commodity":"RICE","quantityKg":50,"promisedDate":"%s"}"""
            .formatted(supplier, A1, TODAY.plusDays(3))), "id");
    }

    /**
     * Reads of district A's school A1 and what hangs off it, which its headmaster may
     * call too.
     */
    List<String> schoolReads() {
        return List.of("/api/v1/schools/" + A1, "/api/v1/schools/" + A1 + "/enrollments",
                "/api/v1/meals/reports/" + reportA, "/api/v1/meals/reports/" + reportA + "/corrections",
                "/api/v1/inspections/" + inspectionA, "/api/v1/deliveries/" + deliveryA, "/api/v1/stock/schools/" + A1,
                "/api/v1/stock/schools/" + A1 + "/ledger");
    }

    /**
     * Reads for officers only: kitchens, their stock, transfers and the reporting rate of
     * block 6308.
     */
    List<String> officerReads() {
        return List.of("/api/v1/kitchens/" + kitchenA, "/api/v1/stock/kitchens/" + kitchenA,
                "/api/v1/stock/kitchens/" + kitchenA + "/ledger", "/api/v1/stock/transfers/" + transferA,
                "/api/v1/meals/reporting-rate?date=" + DAY + "&blockCode=6308");
    }

    JurisdictionContract lists(JurisdictionContract contract, Set<String> schoolsOfA) {
        return contract
            .list("/api/v1/schools?q=Jurisdiction%20Contract&size=500", "$.items[*].udiseCode", schoolsOfA,
                    Set.of(B1, B2))
            .list("/api/v1/meals/reports?from=" + DAY + "&to=" + DAY + "&size=500", "$.items[*].id", Set.of(reportA),
                    Set.of(reportB))
            .list("/api/v1/inspections?size=200", "$.items[*].id", Set.of(inspectionA), Set.of(inspectionB));
    }

    @Test
    void anotherDistrictsOfficerFindsNoneOfItAndListsOnlyItsOwn() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .outsider("the officer of block 6309 in district " + A, TestTokens.blockOfficer("6309"));
        schoolReads().forEach(contract::read);
        officerReads().forEach(contract::read);
        contract.read("/api/v1/meals/reporting-rate?date=" + DAY + "&districtCode=" + A);
        lists(contract, Set.of(A1, A2))
            .list("/api/v1/kitchens?size=500", "$.items[*].id", Set.of(kitchenA), Set.of(kitchenB))
            .verify();
    }

    @Test
    void theBlockOfficerReadsItsBlocksAndNotTheDistrictsAggregate() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .insider("the officer of block 6308", TestTokens.blockOfficer("6308"));
        schoolReads().forEach(contract::read);
        officerReads().forEach(contract::read);
        lists(contract, Set.of(A1, A2))
            .list("/api/v1/kitchens?size=500", "$.items[*].id", Set.of(kitchenA), Set.of(kitchenB))
            .verify();
        assertThat(Api.as(http, TestTokens.blockOfficer("6308"))
            .get("/api/v1/meals/reporting-rate?date=" + DAY + "&districtCode=" + A)
            .getStatusCode()).as("a district's reporting rate is not its block's").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aHeadmasterReadsItsSchoolAndNotTheNeighboursInTheSameBlock() {
        JurisdictionContract contract = JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .insider("the headmaster of " + A1, TestTokens.school(A1))
            .outsider("the headmaster of " + A2 + " in the same block", TestTokens.school(A2));
        schoolReads().forEach(contract::read);
        lists(contract, Set.of(A1)).verify();
    }

    private Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    private void school(String udise, String district, String block) {
        assertThat(admin()
            .post("/api/v1/schools",
                    """
                            {"udiseCode":"%s","name":"Jurisdiction Contract School %s","districtCode":"%s","blockCode":"%s",
                             "category":"PRIMARY_WITH_UPPER_PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                        .formatted(udise, udise, district, block))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private void stock(String udise, String kg) {
        assertThat(admin()
            .exchange(HttpMethod.POST, "/api/v1/stock/schools/" + udise + "/adjustments",
                    "{\"commodity\":\"RICE\",\"quantityKg\":%s,\"reason\":\"opening count\"}".formatted(kg), List.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String report(String udise) {
        return id(Api.as(http, TestTokens.school(udise))
            .post("/api/v1/meals/reports",
                    """
                            {"udiseCode":"%s","date":"%s","attendancePrimary":30,"attendanceUpperPrimary":15,"mealsServed":45}"""
                        .formatted(udise, DAY)),
                "id");
    }

    private String inspection(String udise) {
        return id(admin().post("/api/v1/inspections", """
                {"udiseCode":"%s","inspectedOn":"%s","score":80,"nextDueOn":"%s","findings":[]}""".formatted(udise,
                TODAY, TODAY.plusDays(90))), "id");
    }

    private static String id(ResponseEntity<Map> created, String field) {
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get(field);
    }

}
