package in.mdm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security sweep every service runs over its own OpenAPI document
 * ({@link OpenApiSweep}): each documented operation refuses anonymous callers with a 401
 * and malformed parameters and bodies with 400 problems, never a 5xx. A service's test
 * extends this with its integration-test annotation and, when it needs to, names its open
 * paths or an admin token in {@link #configure}.
 */
public abstract class ApiSweepContract {

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String service;

    /** The sweep of this service: open paths, an admin token; as given by default. */
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep;
    }

    @Test
    void everyDocumentedOperationRefusesAnonymousCallersAndMalformedInputWithProblems() {
        int swept = configure(OpenApiSweep.at("http://localhost:" + port)).verify();
        assertThat(swept).as(service + " documents its API").isPositive();
    }

}
