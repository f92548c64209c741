package in.mdm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The security sweep every service runs over its own OpenAPI document
 * ({@link OpenApiSweep}): each documented operation refuses anonymous callers with a 401
 * and malformed parameters and bodies with 400 problems, never a 5xx; and each operation
 * restricted to roles refuses every other role and a client without scopes with a 403
 * ({@link RoleSweep}). A service's test extends this with its integration-test annotation
 * and, when it needs to, names its open paths or an admin token in {@link #configure},
 * its callers' tokens in {@link #token}, and the data of one area in {@link #areaData}
 * ({@link JurisdictionSweep}: another area's caller gets 404).
 */
public abstract class ApiSweepContract {

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String service;

    @Autowired
    ApplicationContext context;

    /** The sweep of this service: open paths, an admin token; as given by default. */
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        return sweep;
    }

    /**
     * The token of a caller of the role sweep: {@code ADMIN}, {@code OFFICER},
     * {@code SCHOOL} or {@code MACHINE} (no role, no scope); null leaves it out. The
     * kit's tokens by default.
     */
    protected String token(String caller) {
        return RoleSweep.kitToken(caller);
    }

    /**
     * The area's data for the jurisdiction sweep: the service's test makes data in one
     * area (through its API or repositories) and names it by parameter
     * ({@link JurisdictionSweep#value}); operations bound to no area are named with the
     * reason. Every service gives it: the default fails the sweep.
     */
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        return null;
    }

    @Test
    void everyOperationOnAnotherAreasDataIsA404AndTheAreaOwnReadsAreNot() {
        JurisdictionSweep sweep = areaData(JurisdictionSweep.at("http://localhost:" + port));
        assertThat(sweep).as("%s names the area's data for the jurisdiction sweep (areaData)", service).isNotNull();
        int swept = sweep.verify();
        System.out.printf("%s jurisdiction sweep: %d operations bound to an area; %s%n", service, swept,
                new java.util.TreeMap<>(sweep.counts()));
        assertThat(swept).as(service + " has operations bound to an area").isPositive();
    }

    @Test
    void everyOperationRefusesTheRolesItDoesNotAllowWithA403WhateverTheRequestCarries() {
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        RoleSweep sweep = RoleSweep.at("http://localhost:" + port, mappings).tokens(this::token);
        int calls = sweep.verify();
        System.out.printf("%s role sweep: %d calls refused with 403; %d operations whose rule reads their "
                + "arguments left to the jurisdiction tests%n", service, calls, sweep.leftToJurisdiction());
        assertThat(calls).as(service + " restricts operations to roles").isPositive();
    }

    @Test
    void everyDocumentedOperationRefusesAnonymousCallersAndMalformedInputWithProblems() {
        int swept = configure(OpenApiSweep.at("http://localhost:" + port)).verify();
        assertThat(swept).as(service + " documents its API").isPositive();
    }

}
