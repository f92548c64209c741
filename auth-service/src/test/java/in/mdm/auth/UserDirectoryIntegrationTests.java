package in.mdm.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class UserDirectoryIntegrationTests {

    private static final String BCRYPT = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noUsers() {
        jdbc.sql("delete from users").update();
    }

    @Test
    void theMigrationCreatedTheUsersTableInTheAuthSchema() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'auth' and table_name = 'users' order by ordinal_position""")
                .query(String.class).list())
                .containsExactly("id", "username", "email", "phone", "display_name", "role", "jurisdiction_level",
                        "jurisdiction_code", "status", "preferred_language", "password_hash", "created_at", "updated_at",
                        "activated_at");
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202611251000'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aStoredUserIsReadBackThroughHttpWithoutItsPasswordHash() {
        UUID id = insertUser("collector.madurai", "collector.madurai@tn.gov.in", Role.OFFICER, Level.DISTRICT, "569", "ACTIVE");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/auth/users/" + id, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .containsEntry("id", id.toString())
                .containsEntry("username", "collector.madurai")
                .containsEntry("email", "collector.madurai@tn.gov.in")
                .containsEntry("phone", "+919443012345")
                .containsEntry("displayName", "User collector.madurai")
                .containsEntry("role", "OFFICER")
                .containsEntry("jurisdictionLevel", "DISTRICT")
                .containsEntry("jurisdictionCode", "569")
                .containsEntry("status", "ACTIVE")
                .containsEntry("preferredLanguage", "ta")
                .containsKey("createdAt");
        assertThat(response.getBody().keySet()).noneMatch(k -> String.valueOf(k).toLowerCase().contains("password"));
        assertThat(response.getBody().toString()).doesNotContain(BCRYPT);
    }

    @Test
    void listsArePagedAndFilteredByRoleStatusAndJurisdiction() {
        insertUser("hm.kattur", "hm.kattur@tn.gov.in", Role.SCHOOL, Level.SCHOOL, "33020100101", "ACTIVE");
        insertUser("hm.adyar", "hm.adyar@tn.gov.in", Role.SCHOOL, Level.SCHOOL, "33020100103", "PENDING_ACTIVATION");
        insertUser("beo.alanganallur", "beo.alanganallur@tn.gov.in", Role.OFFICER, Level.BLOCK, "6301", "ACTIVE");
        insertUser("deo.madurai", "deo.madurai@tn.gov.in", Role.OFFICER, Level.DISTRICT, "569", "ACTIVE");
        insertUser("deo.chennai", "deo.chennai@tn.gov.in", Role.OFFICER, Level.DISTRICT, "568", "LOCKED");
        insertUser("state.admin", "mdm.admin@tn.gov.in", Role.ADMIN, Level.STATE, "33", "ACTIVE");

        Map<String, Object> officers = http.getForObject("/api/v1/auth/users?role=OFFICER&size=2&page=0", Map.class);
        assertThat(officers).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(usernames(officers)).containsExactly("beo.alanganallur", "deo.chennai");

        Map<String, Object> second = http.getForObject("/api/v1/auth/users?role=OFFICER&size=2&page=1", Map.class);
        assertThat(usernames(second)).containsExactly("deo.madurai");

        assertThat(usernames(http.getForObject("/api/v1/auth/users?role=OFFICER&status=ACTIVE", Map.class)))
                .containsExactly("beo.alanganallur", "deo.madurai");
        assertThat(usernames(http.getForObject("/api/v1/auth/users?jurisdictionLevel=SCHOOL&jurisdictionCode=33020100103", Map.class)))
                .containsExactly("hm.adyar");
        assertThat(usernames(http.getForObject("/api/v1/auth/users?status=DISABLED", Map.class))).isEmpty();
        assertThat(http.getForObject("/api/v1/auth/users", Map.class)).containsEntry("total", 6);
    }

    @Test
    void badQueryParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/auth/users?role=SUPERUSER", "role");
        assertBadParameter("/api/v1/auth/users?status=asleep", "status");
        assertBadParameter("/api/v1/auth/users?jurisdictionCode=madurai", "jurisdictionCode");
        assertBadParameter("/api/v1/auth/users?size=501", "size");
        assertBadParameter("/api/v1/auth/users?page=-1", "page");
        assertBadParameter("/api/v1/auth/users/not-a-uuid", "id");
    }

    @Test
    void anUnknownUserIsA404ProblemWithItsCode() {
        UUID unknown = UUID.randomUUID();
        ResponseEntity<Map> response = http.getForEntity("/api/v1/auth/users/" + unknown, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "auth.user.not-found");
        assertThat((String) response.getBody().get("detail")).contains(unknown.toString());
    }

    @Test
    void theRolesAreTheThreeUserTypesWithTheJurisdictionsTheyMaySee() {
        ResponseEntity<List> response = http.getForEntity("/api/v1/auth/roles", List.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> roles = response.getBody();
        assertThat(roles).extracting(r -> r.get("role")).containsExactly("ADMIN", "OFFICER", "SCHOOL");
        assertThat(roles).extracting(r -> r.get("jurisdictionLevels"))
                .containsExactly(List.of("STATE"), List.of("DISTRICT", "BLOCK"), List.of("SCHOOL"));
        assertThat(roles).allSatisfy(r -> assertThat((String) r.get("maySee")).isNotBlank());
        assertThat((String) roles.get(2).get("maySee")).contains("own school");
    }

    @Test
    void theSchemaAcceptsExactlyTheJurisdictionLevelsEachRoleAllows() {
        Map<Level, String> codes = Map.of(Level.STATE, "33", Level.DISTRICT, "568", Level.BLOCK, "6301",
                Level.SCHOOL, "33020100101");
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Level level : Level.values()) {
                String name = (role + "." + level).toLowerCase();
                Throwable failure = catchThrowable(() -> insertUser(name, name + "@tn.gov.in", role, level, codes.get(level), "PENDING_ACTIVATION"));
                if ((failure == null) != role.allows(level)) {
                    mismatches.add(role + "/" + level + (failure == null ? " accepted" : " refused"));
                }
                if (failure != null) {
                    assertThat(failure).isInstanceOf(DataIntegrityViolationException.class);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThatThrownBy(() -> insertUser("hm.badcode", "hm.badcode@tn.gov.in", Role.SCHOOL, Level.SCHOOL, "568", "ACTIVE"))
                .as("a headmaster scoped to a district code").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void usernamesAndEmailsAreUniqueAndAnActiveUserHasAPassword() {
        insertUser("deo.salem", "deo.salem@tn.gov.in", Role.OFFICER, Level.DISTRICT, "585", "ACTIVE");

        assertThatThrownBy(() -> insertUser("deo.salem", "other@tn.gov.in", Role.OFFICER, Level.DISTRICT, "585", "ACTIVE"))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("users_username_key");
        assertThatThrownBy(() -> insertUser("deo.salem2", "DEO.Salem@TN.gov.in", Role.OFFICER, Level.DISTRICT, "585", "ACTIVE"))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("users_email_key");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into users (id, username, email, display_name, role, jurisdiction_level, jurisdiction_code, status)
                values (:id, 'nopass', 'nopass@tn.gov.in', 'No Password', 'ADMIN', 'STATE', '33', 'ACTIVE')""")
                .param("id", UUID.randomUUID()).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("users_active_has_password");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class))
                .contains("/api/v1/auth/roles", "/api/v1/auth/users", "/api/v1/auth/users/{id}", "MDM Twin auth-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private UUID insertUser(String username, String email, Role role, Level level, String code, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into users (id, username, email, phone, display_name, role, jurisdiction_level, jurisdiction_code,
                                   status, preferred_language, password_hash)
                values (:id, :username, :email, '+919443012345', :displayName, :role, :level, :code, :status, 'ta', :hash)""")
                .param("id", id)
                .param("username", username)
                .param("email", email)
                .param("displayName", "User " + username)
                .param("role", role.name())
                .param("level", level.name())
                .param("code", code)
                .param("status", status)
                .param("hash", "PENDING_ACTIVATION".equals(status) ? null : BCRYPT)
                .update();
        return id;
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    private static List<Object> usernames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(u -> u.get("username")).toList();
    }
}
