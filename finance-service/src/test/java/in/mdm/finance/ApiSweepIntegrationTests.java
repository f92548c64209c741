package in.mdm.finance;

import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation finance-service documents: 401 without a token (but the treasury's
 * callbacks, signed otherwise), 400 problems for parameters and bodies that are not what
 * it documents, never a 5xx; another area's school, allocation and release are a 404 to
 * every caller outside it.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    static final String SCHOOL = "33020100101";

    static final String YEAR = "2057-58";

    @LocalServerPort
    int serverPort;

    @Autowired
    JdbcClient jdbc;

    @Override
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep.open("/api/v1/financial/treasury/callbacks");
    }

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // a funded school of Chennai (district 568, block 6301), allocated for the year,
        // with a quarterly release waiting for the district's approval
        Http admin = Http.as(serverPort, TestTokens.admin());
        Fixtures.school(jdbc, SCHOOL, "568", "6301");
        UUID allocation = Fixtures.allocate(jdbc, admin, SCHOOL, YEAR, 120, 30, "568", "6301");
        ResponseEntity<Map> release = admin.post("/api/v1/financial/releases",
                "{\"allocationId\":\"" + allocation + "\",\"kind\":\"QUARTERLY\",\"quarter\":1}");
        assertThat(release.getStatusCode()).as("%s", release.getBody()).isEqualTo(HttpStatus.CREATED);
        return sweep.outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6302 in the same district", TestTokens.blockOfficer("6302"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            .value("udiseCode", SCHOOL)
            .value("districtCode", "568")
            .value("blockCode", "6301")
            .value("academicYear", YEAR)
            .value("allocationId", allocation.toString())
            .value("releaseId", String.valueOf(release.getBody().get("releaseId")))
            .body("PUT /api/v1/financial/allocations/{allocationId}",
                    "{\"amount\":1000.00,\"reason\":\"Kitchen repair\"}")
            .body("POST /api/v1/financial/releases/{releaseId}/reject", "{\"reason\":\"Not our release\"}");
    }

}
