package in.mdm.school;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.OpenApiSweep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation school-service documents: 401 without a token (but the SMS webhooks,
 * signed otherwise), 400 problems for parameters and bodies that are not what it
 * documents, never a 5xx.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void everyDocumentedOperationRefusesAnonymousCallersAndMalformedInputWithProblems() {
        int swept = OpenApiSweep.at("http://localhost:" + port).open("/api/v1/meals/sms").verify();
        assertThat(swept).as("school-service documents its API").isGreaterThan(20);
    }

}
