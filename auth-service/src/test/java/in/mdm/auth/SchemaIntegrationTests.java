package in.mdm.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the schema itself refuses, and the roles list. */
@AuthIntegrationTest
class SchemaIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    @Test
    void theSchemaAcceptsExactlyTheJurisdictionLevelsEachRoleAllows() {
        Map<Level, String> codes = Map.of(Level.STATE, "33", Level.DISTRICT, "568", Level.BLOCK, "6301", Level.SCHOOL,
                "33020100101");
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Level level : Level.values()) {
                String district = level == Level.DISTRICT ? "568" : null;
                String block = level == Level.BLOCK ? "6301" : null;
                Throwable failure = catchThrowable(() -> api.user(Api.unique("schema"), role.name(), level.name(),
                        codes.get(level), district, block, "PENDING_ACTIVATION"));
                if ((failure == null) != role.allows(level)) {
                    mismatches.add(role + "/" + level + (failure == null ? " accepted" : " refused"));
                }
                if (failure != null) {
                    assertThat(failure).isInstanceOf(DataIntegrityViolationException.class);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThatThrownBy(() -> api.user(Api.unique("schema"), "SCHOOL", "SCHOOL", "568", "568", "6301", "ACTIVE"))
            .as("a headmaster scoped to a district code")
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> api.user(Api.unique("schema"), "OFFICER", "DISTRICT", "568", "569", null, "ACTIVE"))
            .as("a district officer located in another district")
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("users_district_location");
        assertThatThrownBy(() -> jdbc
            .sql("""
                    insert into users (id, username, email, display_name, role, jurisdiction_level, jurisdiction_code, status)
                    values (:id, :name, :name || '@tn.gov.in', 'No Password', 'ADMIN', 'STATE', '33', 'ACTIVE')""")
            .param("id", UUID.randomUUID())
            .param("name", Api.unique("nopass"))
            .update()).isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("users_active_has_password");
        assertThat(jdbc.sql("select udise_code from users where jurisdiction_level = 'SCHOOL' limit 1")
            .query(String.class)
            .optional()).hasValueSatisfying(udise -> assertThat(udise).hasSize(11));
    }

    @Test
    void anySignedInCallerReadsTheRoles() {
        String school = api.token(api.school(Api.code(11), "568", "6301"));
        ResponseEntity<List> response = http.exchange("/api/v1/auth/roles", HttpMethod.GET,
                new HttpEntity<>(Api.headers(school)), List.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> roles = response.getBody();
        assertThat(roles).extracting(r -> r.get("role")).containsExactly("ADMIN", "OFFICER", "SCHOOL");
        assertThat(roles).extracting(r -> r.get("jurisdictionLevels"))
            .containsExactly(List.of("STATE"), List.of("DISTRICT", "BLOCK"), List.of("SCHOOL"));
        assertThat(http.getForEntity("/api/v1/auth/roles", Map.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

}
