package in.mdm.school;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class MasterDataIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    @Test
    void allOfIndiasDistrictsAndBlocksAreLoadedAndBlocklessDistrictsHaveABlockOfTheirOwn() {
        assertThat(jdbc.sql("select count(*) from districts").query(Integer.class).single()).isEqualTo(763);
        assertThat(jdbc.sql("select count(*) from districts where state_code = '33'").query(Integer.class).single())
            .isEqualTo(38);
        assertThat(jdbc.sql(
                "select count(*) from blocks b join districts d on d.code = b.district_code where d.state_code = '33' and source = 'LGD'")
            .query(Integer.class)
            .single()).isEqualTo(388);
        // every district has at least one block; Chennai and Mayiladuthurai have their
        // own
        assertThat(jdbc.sql(
                "select count(*) from districts d where not exists (select 1 from blocks b where b.district_code = d.code)")
            .query(Integer.class)
            .single()).isZero();
        Map<String, Object> chennai = admin().get("/api/v1/districts/568/blocks").getBody();
        assertThat((List<Map<String, Object>>) chennai.get("items")).singleElement()
            .satisfies(b -> assertThat(b).containsEntry("code", "900568")
                .containsEntry("name", "CHENNAI")
                .containsEntry("source", "DISTRICT"));
        // Assam's blocks that the list puts in two districts are in both
        assertThat(jdbc.sql("select count(*) from blocks where code = '2494'").query(Integer.class).single())
            .isEqualTo(2);
    }

    @Test
    void districtsAndBlocksAreFoundByNameWhateverTheSpelling() {
        Map<String, Object> tn = admin().get("/api/v1/districts?stateCode=33&q=Kancheepuram").getBody();
        assertThat((List<Map<String, Object>>) tn.get("items")).extracting(d -> d.get("name"))
            .containsExactly("KANCHIPURAM");
        Map<String, Object> trichy = admin().get("/api/v1/districts?stateCode=33&q=Tiruchirapalli").getBody();
        assertThat((List<Map<String, Object>>) trichy.get("items")).hasSize(1);
        Map<String, Object> blocks = admin().get("/api/v1/blocks?districtCode=569&q=annur").getBody();
        assertThat((List<Map<String, Object>>) blocks.get("items")).extracting(b -> b.get("code"))
            .containsExactly("6102");
        assertProblem(admin().get("/api/v1/districts/99999/blocks"), HttpStatus.NOT_FOUND, "school.district-not-found");
    }

    @Test
    void aSchoolInABlockOfAnotherDistrictIsRejectedNamingTheBlock() {
        ResponseEntity<Map> response = admin().post("/api/v1/schools",
                school("33020200001", "568", "6101", "GOVERNMENT"));
        assertProblem(response, HttpStatus.BAD_REQUEST, "school.unknown-block");
        assertThat((String) response.getBody().get("detail")).contains("blockCode");
    }

    @Test
    void updatingASchoolPublishesSchoolUpdatedOnlyWhenSomethingChanged() {
        String udise = "33020200002";
        assertThat(admin().post("/api/v1/schools", school(udise, "569", "6101", "GOVERNMENT")).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);

        String update = """
                {"name":"PUMS Anamalai East","districtCode":"569","blockCode":"6102","category":"PRIMARY_WITH_UPPER_PRIMARY",
                 "management":"PRIVATE_UNAIDED","ruralUrban":"RURAL","pincode":"642101","latitude":10.58,"longitude":76.93,
                 "headmasterName":"R. Meena","headmasterPhone":"+919876543210"}""";
        ResponseEntity<Map> updated = admin().put("/api/v1/schools/" + udise, update);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("blockCode", "6102")
            .containsEntry("pmPoshanEligible", false)
            .containsEntry("headmasterPhone", "+919876543210")
            .containsEntry("pincode", "642101");
        assertThat(new BigDecimal(updated.getBody().get("latitude").toString())).isEqualByComparingTo("10.58");

        // the same again changes nothing and publishes nothing
        assertThat(admin().put("/api/v1/schools/" + udise, update).getStatusCode()).isEqualTo(HttpStatus.OK);
        KafkaProbe.onTestBroker().awaitRecord(SchoolTopics.SCHOOLS, udise);
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.SCHOOLS, udise, "in.mdm.school.SchoolUpdated.v1"))
                .hasSize(1));
        assertThat(Events.of(SchoolTopics.SCHOOLS, udise, "in.mdm.school.SchoolUpdated.v1")).hasSize(1);

        assertProblem(admin().put("/api/v1/schools/33999999998", update), HttpStatus.NOT_FOUND, "school.not-found");
        assertProblem(admin().put("/api/v1/schools/" + udise, update.replace("\"latitude\":10.58,", "")),
                HttpStatus.BAD_REQUEST, "school.bad-coordinates");
    }

    @Test
    void enrollmentIsSetPerAcademicYearAndPublishedOncePerChange() {
        String udise = "33020200003";
        admin().post("/api/v1/schools", school(udise, "569", "6101", "AIDED"));
        ResponseEntity<Map> set = admin().put("/api/v1/schools/" + udise + "/enrollments/2026-27", """
                {"primary":120,"upperPrimary":80}""");
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("primary", 120).containsEntry("upperPrimary", 80);
        admin().put("/api/v1/schools/" + udise + "/enrollments/2026-27", """
                {"primary":120,"upperPrimary":80}""");
        admin().put("/api/v1/schools/" + udise + "/enrollments/2026-27", """
                {"primary":125,"upperPrimary":80}""");

        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(Events.of(SchoolTopics.ENROLLMENTS, udise, "in.mdm.school.EnrollmentUpdated.v1"))
                        .hasSize(2));
        assertThat(admin()
            .exchange(org.springframework.http.HttpMethod.GET, "/api/v1/schools/" + udise + "/enrollments", null,
                    List.class)
            .getBody()).hasSize(1);

        assertProblem(admin().put("/api/v1/schools/" + udise + "/enrollments/2026-28", """
                {"primary":1,"upperPrimary":0}"""), HttpStatus.BAD_REQUEST, "school.enrollment.bad-year");
        ResponseEntity<Map> negative = admin().put("/api/v1/schools/" + udise + "/enrollments/2026-27", """
                {"primary":-1,"upperPrimary":0}""");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().toString()).contains("primary");
    }

    @Test
    void listsFilterBySearchCategoryAndManagementAndSortByName() {
        admin().post("/api/v1/schools",
                school("33020200011", "578", "6215", "GOVERNMENT").replace("Test School", "Zeta Govt School"));
        admin().post("/api/v1/schools",
                school("33020200012", "578", "6215", "AIDED").replace("Test School", "Alpha Aided School"));
        admin().post("/api/v1/schools",
                school("33020200013", "578", "6215", "LOCAL_BODY").replace("Test School", "Beta Panchayat School"));

        Map<String, Object> byName = admin().get("/api/v1/schools?blockCode=6215&sort=name,desc").getBody();
        assertThat((List<Map<String, Object>>) byName.get("items")).extracting(s -> s.get("name"))
            .containsExactly("Zeta Govt School", "Beta Panchayat School", "Alpha Aided School");
        Map<String, Object> aided = admin().get("/api/v1/schools?blockCode=6215&management=AIDED").getBody();
        assertThat((List<Map<String, Object>>) aided.get("items")).extracting(s -> s.get("udiseCode"))
            .containsExactly("33020200012");
        Map<String, Object> search = admin().get("/api/v1/schools?q=panchayat").getBody();
        assertThat((List<Map<String, Object>>) search.get("items")).extracting(s -> s.get("udiseCode"))
            .containsExactly("33020200013");
        Map<String, Object> byCode = admin().get("/api/v1/schools?q=3302020001&category=PRIMARY").getBody();
        assertThat(byCode).containsEntry("total", 3);
        assertProblem(admin().get("/api/v1/schools?sort=salary"), HttpStatus.BAD_REQUEST, "school.bad-sort");
    }

    @Test
    void anotherJurisdictionsSchoolIsA404AndListsShowOnlyTheCallersOwn() {
        admin().post("/api/v1/schools", school("33020200021", "569", "6101", "GOVERNMENT"));
        admin().post("/api/v1/schools", school("33020200022", "578", "6215", "GOVERNMENT"));

        Api coimbatore = Api.as(http, TestTokens.officer("569"));
        assertThat(coimbatore.get("/api/v1/schools/33020200021").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(coimbatore.get("/api/v1/schools/33020200022"), HttpStatus.NOT_FOUND, "school.not-found");
        assertThat((List<Map<String, Object>>) coimbatore.get("/api/v1/schools?size=500").getBody().get("items"))
            .extracting(s -> s.get("districtCode"))
            .isNotEmpty()
            .containsOnly("569");

        Api block = Api.as(http, TestTokens.blockOfficer("6215"));
        assertProblem(block.get("/api/v1/schools/33020200021"), HttpStatus.NOT_FOUND, "school.not-found");
        assertThat(block.get("/api/v1/schools/33020200022").getStatusCode()).isEqualTo(HttpStatus.OK);

        Api headmaster = Api.as(http, TestTokens.school("33020200021"));
        assertThat(headmaster.get("/api/v1/schools/33020200021").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(headmaster.get("/api/v1/schools/33020200022"), HttpStatus.NOT_FOUND, "school.not-found");
        assertThat(headmaster.get("/api/v1/schools").getBody()).containsEntry("total", 1);
    }

    @Test
    void onlyAnAdminChangesMasterDataAndEveryCallNeedsAToken() {
        assertThat(Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/schools", school("33020200031", "569", "6101", "GOVERNMENT"))
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, TestTokens.school("33020200031"))
            .put("/api/v1/schools/33020200031/enrollments/2026-27", "{\"primary\":1,\"upperPrimary\":1}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, null).get("/api/v1/schools").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.as(http, null).get("/api/v1/districts").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void kitchensAndSuppliersServeSchoolsWithinTheirJurisdiction() {
        admin().post("/api/v1/schools", school("33020200041", "569", "6101", "GOVERNMENT"));
        ResponseEntity<Map> kitchen = admin().post("/api/v1/kitchens", """
                {"name":"Anamalai Central Kitchen","districtCode":"569","blockCode":"6101","capacityMeals":5000}""");
        assertThat(kitchen.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String kitchenId = (String) kitchen.getBody().get("id");
        assertThat(kitchen.getHeaders().getLocation()).hasToString("/api/v1/kitchens/" + kitchenId);

        ResponseEntity<Map> assigned = admin().put("/api/v1/schools/33020200041", """
                {"name":"Test School","districtCode":"569","blockCode":"6101","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL","kitchenId":"%s"}""".formatted(kitchenId));
        assertThat(assigned.getBody()).containsEntry("kitchenId", kitchenId);
        assertThat(admin().get("/api/v1/kitchens/" + kitchenId).getBody()).containsEntry("schoolsServed", 1);
        assertProblem(Api.as(http, TestTokens.officer("578")).get("/api/v1/kitchens/" + kitchenId),
                HttpStatus.NOT_FOUND, "kitchen.not-found");

        ResponseEntity<Map> supplier = admin().post("/api/v1/suppliers",
                """
                        {"code":"TNCSC-CBE","name":"Tamil Nadu Civil Supplies Corporation, Coimbatore","kind":"CIVIL_SUPPLIES_CORPORATION",
                         "districtCode":"569","servesSchools":["33020200041"],"servesKitchens":["%s"]}"""
                    .formatted(kitchenId));
        assertThat(supplier.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(supplier.getBody()).containsEntry("servesSchools", List.of("33020200041"))
            .containsEntry("servesKitchens", List.of(kitchenId));
        assertProblem(admin().post("/api/v1/suppliers", """
                {"code":"TNCSC-CBE","name":"Again","kind":"OTHER"}"""), HttpStatus.CONFLICT, "supplier.duplicate-code");
        assertProblem(admin().post("/api/v1/suppliers", """
                {"code":"X-1","name":"Ghost","kind":"OTHER","servesSchools":["33999999990"]}"""),
                HttpStatus.BAD_REQUEST, "supplier.unknown-school");
        assertProblem(admin().post("/api/v1/kitchens", """
                {"name":"Nowhere","districtCode":"569","blockCode":"6215"}"""), HttpStatus.BAD_REQUEST,
                "school.unknown-block");

        // updates replace the details; a supplier's list of schools and kitchens is
        // replaced too
        ResponseEntity<Map> moved = admin().put("/api/v1/kitchens/" + kitchenId, """
                {"name":"Anamalai Central Kitchen II","districtCode":"569","blockCode":"6101","capacityMeals":6000}""");
        assertThat(moved.getBody()).containsEntry("capacityMeals", 6000)
            .containsEntry("name", "Anamalai Central Kitchen II");
        assertThat(Api.as(http, TestTokens.officer("569")).put("/api/v1/kitchens/" + kitchenId, """
                {"name":"X","districtCode":"569","blockCode":"6101"}""").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        String supplierId = (String) supplier.getBody().get("id");
        ResponseEntity<Map> narrowed = admin().put("/api/v1/suppliers/" + supplierId,
                """
                        {"code":"TNCSC-CBE","name":"TNCSC Coimbatore","kind":"CIVIL_SUPPLIES_CORPORATION","servesKitchens":["%s"]}"""
                    .formatted(kitchenId));
        assertThat(narrowed.getBody()).containsEntry("servesSchools", List.of())
            .containsEntry("name", "TNCSC Coimbatore");
        assertProblem(admin().put("/api/v1/suppliers/" + java.util.UUID.randomUUID(), """
                {"code":"Z-1","name":"Z","kind":"OTHER"}"""), HttpStatus.NOT_FOUND, "supplier.not-found");
    }

    static String school(String udise, String district, String block, String management) {
        return """
                {"udiseCode":"%s","name":"Test School","districtCode":"%s","blockCode":"%s","category":"PRIMARY",
                 "management":"%s","ruralUrban":"RURAL"}""".formatted(udise, district, block, management);
    }

}
