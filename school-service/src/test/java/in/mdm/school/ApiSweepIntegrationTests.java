package in.mdm.school;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation school-service documents: 401 without a token (but the SMS webhooks,
 * signed otherwise), 400 problems for parameters and bodies that are not what it
 * documents, never a 5xx; and a school of Erode (district 573, block Ammapet 6155) with
 * all that hangs off it, its kitchen, its area's lists, are a 404 to every caller outside
 * it: Coimbatore's officer, the officer of Andiyur (6156, the same district) and a
 * Coimbatore headmaster.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class ApiSweepIntegrationTests extends ApiSweepContract {

    static final String DISTRICT = "573";

    static final String BLOCK = "6155";

    static final String SCHOOL = "33106155901";

    static final String NEIGHBOUR = "33106155902";

    static final String ELSEWHERE = "33126114901";

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    TestRestTemplate http;

    @Override
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep.open("/api/v1/meals/sms");
    }

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        school(SCHOOL, DISTRICT, BLOCK);
        school(NEIGHBOUR, DISTRICT, BLOCK);
        school(ELSEWHERE, "569", "6114");
        assertThat(admin()
            .put("/api/v1/schools/" + SCHOOL + "/enrollments/2026-27", "{\"primary\":40,\"upperPrimary\":20}")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin()
            .exchange(HttpMethod.POST, "/api/v1/stock/schools/" + SCHOOL + "/adjustments",
                    "{\"commodity\":\"RICE\",\"quantityKg\":100,\"reason\":\"opening count\"}", List.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        String transfer = id(Api.as(http, TestTokens.officer(DISTRICT))
            .post("/api/v1/stock/transfers", """
                    {"from":"%s","to":"%s","commodity":"RICE","quantityKg":10,"reason":"a kitchen repair"}"""
                .formatted(SCHOOL, NEIGHBOUR)), "transferId");
        String report = id(Api.as(http, TestTokens.school(SCHOOL))
            .post("/api/v1/meals/reports",
                    """
                            {"udiseCode":"%s","date":"%s","attendancePrimary":30,"attendanceUpperPrimary":15,"mealsServed":45}"""
                        .formatted(SCHOOL, TODAY.minusDays(3))),
                "id");
        String inspection = id(admin().post("/api/v1/inspections", """
                {"udiseCode":"%s","inspectedOn":"%s","score":80,"nextDueOn":"%s","findings":[]}""".formatted(SCHOOL,
                TODAY, TODAY.plusDays(90))), "id");
        String kitchen = id(admin().post("/api/v1/kitchens", """
                {"name":"Ammapet Kitchen","districtCode":"%s","blockCode":"%s"}""".formatted(DISTRICT, BLOCK)), "id");
        assertThat(admin()
            .exchange(HttpMethod.POST, "/api/v1/stock/kitchens/" + kitchen + "/adjustments",
                    "{\"commodity\":\"RICE\",\"quantityKg\":50,\"reason\":\"opening count\"}", List.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        String supplier = id(admin().post("/api/v1/suppliers", """
                {"code":"SWEEP-573","name":"Erode Supplier","kind":"OTHER","districtCode":"573"}"""), "id");
        String delivery = id(admin().post("/api/v1/deliveries", """
                {"supplierId":"%s","udiseCode":"%s","commodity":"RICE","quantityKg":50,"promisedDate":"%s"}"""
            .formatted(supplier, SCHOOL, TODAY.plusDays(3))), "id");
        String adjustment = "{\"commodity\":\"RICE\",\"quantityKg\":-1,\"reason\":\"spoilt\"}";
        return sweep.owner(TestTokens.officer(DISTRICT))
            .outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6156 in the same district", TestTokens.blockOfficer("6156"))
            .outsider("a Coimbatore headmaster", TestTokens.school(ELSEWHERE))
            .value("udiseCode", SCHOOL)
            .value("blockCode", BLOCK)
            .value("kitchenId", kitchen)
            .value("transferId", transfer)
            .value("GET /api/v1/schools", "districtCode", DISTRICT)
            .value("GET /api/v1/kitchens", "districtCode", DISTRICT)
            .value("PUT /api/v1/schools/{udiseCode}/enrollments/{academicYear}", "academicYear", "2026-27")
            .value("GET /api/v1/kitchens/{id}", "id", kitchen)
            .value("PUT /api/v1/kitchens/{id}", "id", kitchen)
            .value("GET /api/v1/meals/reports/{id}", "id", report)
            .value("GET /api/v1/meals/reports/{id}/corrections", "id", report)
            .value("POST /api/v1/meals/reports/{id}/corrections", "id", report)
            .value("GET /api/v1/inspections/{id}", "id", inspection)
            .value("GET /api/v1/deliveries/{id}", "id", delivery)
            .value("POST /api/v1/deliveries/{id}/receipt", "id", delivery)
            .body("PUT /api/v1/schools/{udiseCode}", """
                    {"name":"School %s","districtCode":"%s","blockCode":"%s","category":"PRIMARY_WITH_UPPER_PRIMARY",
                     "management":"GOVERNMENT","ruralUrban":"RURAL"}""".formatted(SCHOOL, "569", "6114"))
            .body("PUT /api/v1/schools/{udiseCode}/enrollments/{academicYear}", """
                    {"primary":1,"upperPrimary":1}""")
            .body("PUT /api/v1/kitchens/{id}", """
                    {"name":"Taken Kitchen","districtCode":"569","blockCode":"6114"}""")
            .body("POST /api/v1/stock/schools/{udiseCode}/adjustments", adjustment)
            .body("POST /api/v1/stock/kitchens/{kitchenId}/adjustments", adjustment)
            .body("POST /api/v1/meals/reports/{id}/corrections", """
                    {"attendancePrimary":1,"attendanceUpperPrimary":1,"mealsServed":2,"reason":"recounted"}""")
            .body("POST /api/v1/deliveries/{id}/receipt", """
                    {"receivedOn":"%s","quantityKg":50}""".formatted(TODAY))
            .unbound(operation -> operation.contains("/api/v1/districts") || operation.contains("/api/v1/blocks"),
                    "the LGD master data: India's districts, blocks and district aliases, the same for every caller")
            .unbound(operation -> operation.contains("/api/v1/suppliers"),
                    "the state's register of suppliers, the same for every officer (a supplier serves across "
                            + "districts)")
            .unbound(
                    operation -> operation
                        .matches("[A-Z]+ /api/v1/(schools/import|meals/reports/bulk|stock/recount)" + "(/.*)?"),
                    "the state's UDISE imports, bulk meal files and stock recounts: jobs of an ADMIN or "
                            + "a machine client, no officer's or school's")
            .unbound(operation -> operation.contains("/api/v1/meals/sms"),
                    "the SMS/IVRS gateway's webhooks: signed, with no caller and so no jurisdiction");
    }

    private Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    private void school(String udise, String district, String block) {
        assertThat(admin()
            .post("/api/v1/schools",
                    """
                            {"udiseCode":"%s","name":"Sweep School %s","districtCode":"%s","blockCode":"%s",
                             "category":"PRIMARY_WITH_UPPER_PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                        .formatted(udise, udise, district, block))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static String id(ResponseEntity<Map> created, String field) {
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get(field);
    }

}
