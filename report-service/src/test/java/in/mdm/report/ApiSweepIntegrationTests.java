package in.mdm.report;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation report-service documents: 401 without a token, 400 problems for
 * parameters and bodies that are not what it documents, never a 5xx.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void everyDocumentedOperationRefusesAnonymousCallersAndMalformedInputWithProblems() {
        int swept = OpenApiSweep.at("http://localhost:" + port).verify();
        assertThat(swept).as("report-service documents its API").isPositive();
    }

}
