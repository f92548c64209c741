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
 * and its callers' tokens in {@link #token}.
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
