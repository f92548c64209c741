package in.mdm.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.Jurisdiction;
import in.mdm.events.auth.AuthTopics;
import in.mdm.events.auth.UserUpdated;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user directory through the caller's jurisdiction, user management and the audit
 * trail.
 */
@AuthIntegrationTest
class UserManagementIntegrationTests {

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
    void anOfficerSeesTheUsersOfItsDistrictAndAnotherDistrictsUserIsA404ForReadChangeAndList() {
        String home = Api.code(4);
        String other = Api.code(4);
        Api.TestUser officer = api.districtOfficer(home);
        Api.TestUser homeSchool = api.school(Api.code(11), home, "6301");
        Api.TestUser homeBlockOfficer = api.user("OFFICER", "BLOCK", "7777", home, "7777");
        Api.TestUser otherSchool = api.school(Api.code(11), other, "6302");
        Api.TestUser otherOfficer = api.districtOfficer(other);
        String token = api.token(officer);

        // list: own district only, whatever the filter asks for
        assertThat(usernames(api.get("/api/v1/auth/users?size=500", token).getBody()))
            .contains(officer.username(), homeSchool.username(), homeBlockOfficer.username())
            .doesNotContain(otherSchool.username(), otherOfficer.username(), Api.ADMIN);
        // another district named as a filter: not found, neither its users nor whether it
        // has any
        ProblemAssertions.assertProblem(
                api.get("/api/v1/auth/users?jurisdictionLevel=DISTRICT&jurisdictionCode=" + other, token),
                HttpStatus.NOT_FOUND, "area.not-found");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users?jurisdictionCode=" + other, token),
                HttpStatus.NOT_FOUND, "area.not-found");
        assertThat(api.get("/api/v1/auth/users?jurisdictionCode=" + home, token).getBody()).containsEntry("total", 1);
        assertThat(api.get("/api/v1/auth/users?jurisdictionLevel=BLOCK&jurisdictionCode=7777", token).getBody())
            .containsEntry("total", 1);
        assertThat(api.get("/api/v1/auth/users?role=SCHOOL", token).getBody()).containsEntry("total", 1);

        // read
        assertThat(api.get("/api/v1/auth/users/" + homeSchool.id(), token).getBody()).containsEntry("username",
                homeSchool.username());
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users/" + otherSchool.id(), token), HttpStatus.NOT_FOUND,
                "auth.user.not-found");
        // change
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/users/" + otherSchool.id() + "/disable", "", token),
                HttpStatus.NOT_FOUND, "auth.user.not-found");
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/users/" + otherSchool.id() + "/enable", "", token),
                HttpStatus.NOT_FOUND, "auth.user.not-found");
        assertThat(jdbc.sql("select status from users where id = :id")
            .param("id", otherSchool.id())
            .query(String.class)
            .single()).isEqualTo("ACTIVE");
    }

    @Test
    void aBlockOfficerSeesItsBlockOnly() {
        String block = Api.code(5);
        Api.TestUser officer = api.user("OFFICER", "BLOCK", block, "568", block);
        Api.TestUser inBlock = api.school(Api.code(11), "568", block);
        Api.TestUser sameDistrictOtherBlock = api.school(Api.code(11), "568", Api.code(5));
        String token = api.token(officer);

        assertThat(usernames(api.get("/api/v1/auth/users?size=500", token).getBody()))
            .containsExactlyInAnyOrder(officer.username(), inBlock.username());
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users/" + sameDistrictOtherBlock.id(), token),
                HttpStatus.NOT_FOUND, "auth.user.not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerDisablesAndEnablesASchoolUserOfItsDistrictWhoseSessionsEnd() {
        String district = Api.code(4);
        String officer = api.token(api.districtOfficer(district));
        Api.TestUser school = api.school(Api.code(11), district, "6301");
        Map<String, Object> schoolSession = api.login(school.username(), Api.PASSWORD).getBody();

        assertThat(api.post("/api/v1/auth/users/" + school.id() + "/disable", "", officer).getBody())
            .containsEntry("status", "DISABLED");
        ProblemAssertions.assertProblem(api.login(school.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + schoolSession.get("refreshToken") + "\"}", null), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", (String) schoolSession.get("accessToken")),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");

        assertThat(api.post("/api/v1/auth/users/" + school.id() + "/enable", "", officer).getBody())
            .containsEntry("status", "ACTIVE");
        assertThat(api.login(school.username(), Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

        // both changes in the service's chained trail, by the officer, with the account
        // before and after and without its e-mail, phone or name
        String admin = api.token(api.admin());
        List<Map<String, Object>> trail = (List<Map<String, Object>>) api
            .get("/api/v1/auth/audit-trail?entityType=user&entityId=" + school.id(), admin)
            .getBody()
            .get("items");
        assertThat(trail).extracting(entry -> entry.get("action")).containsExactly("user.enable", "user.disable");
        assertThat(trail.get(1)).satisfies(entry -> {
            assertThat(entry.get("actor")).isNotEqualTo("system");
            assertThat((Map<String, Object>) entry.get("before")).containsEntry("status", "ACTIVE")
                .doesNotContainKeys("email", "phone", "displayName");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("status", "DISABLED");
        });
    }

    @Test
    void anOfficerCannotDisableAnotherOfficerNorChangeRoles() {
        String district = Api.code(4);
        String officer = api.token(api.districtOfficer(district));
        Api.TestUser blockOfficer = api.user("OFFICER", "BLOCK", "7777", district, "7777");

        ProblemAssertions.assertProblem(api.post("/api/v1/auth/users/" + blockOfficer.id() + "/disable", "", officer),
                HttpStatus.FORBIDDEN, "auth.forbidden");
        ProblemAssertions.assertProblem(
                api.put("/api/v1/auth/users/" + blockOfficer.id() + "/role",
                        "{\"role\":\"ADMIN\",\"jurisdictionLevel\":\"STATE\",\"jurisdictionCode\":\"33\"}", officer),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void anAdminChangesARolesAndJurisdictionAndTheNextTokenCarriesIt() {
        String admin = api.token(api.admin());
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        String newDistrict = Api.code(4);

        ResponseEntity<Map> changed = api.put("/api/v1/auth/users/" + user.id() + "/role",
                "{\"role\":\"OFFICER\",\"jurisdictionLevel\":\"DISTRICT\",\"jurisdictionCode\":\"" + newDistrict
                        + "\"}",
                admin);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("role", "OFFICER")
            .containsEntry("jurisdictionLevel", "DISTRICT")
            .containsEntry("districtCode", newDistrict)
            .containsEntry("blockCode", null);

        Map<String, Object> me = api.get("/api/v1/auth/me", api.token(user)).getBody();
        assertThat(me).containsEntry("role", "OFFICER").containsEntry("jurisdictionCode", newDistrict);
        UserUpdated updated = Api.awaitEvent(CloudEventCodec.forService("auth-service"), AuthTopics.USERS,
                user.id().toString(), UserUpdated.class);
        assertThat(updated.role()).isEqualTo("OFFICER");
        assertThat(updated.jurisdiction()).isEqualTo(Jurisdiction.district(newDistrict));
        assertThat(updated.status()).isEqualTo("ACTIVE");
        assertThat(updated.username()).isEqualTo(user.username());

        ProblemAssertions.assertInvalid(api.put("/api/v1/auth/users/" + user.id() + "/role",
                "{\"role\":\"ADMIN\",\"jurisdictionLevel\":\"SCHOOL\",\"jurisdictionCode\":\"33020100101\"}", admin),
                "jurisdictionLevel");
        assertThat(jdbc.sql("select count(*) from audit_events where user_id = :id and action = 'ROLE_CHANGED'")
            .param("id", user.id())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aSchoolUserCallingAdminRoutesIsA403() {
        String school = api.token(api.school(Api.code(11), "568", "6301"));
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/audit", school), HttpStatus.FORBIDDEN, "auth.forbidden");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users", school), HttpStatus.FORBIDDEN, "auth.forbidden");
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/keys/rotate", "", school), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/clients", "{\"clientId\":\"x-client\",\"scopes\":[\"schools:import\"]}", school),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void anAdminReadsTheAuditTrailPagedNewestFirst() {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        api.login(user.username(), "Wrong-Password-1");
        String token = api.token(user);
        api.post("/api/v1/auth/logout", "", token);
        String admin = api.token(api.admin());

        Map<String, Object> page = api.get("/api/v1/auth/audit?username=" + user.username() + "&size=2", admin)
            .getBody();
        assertThat(page).containsEntry("total", 3).containsEntry("size", 2);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(i -> i.get("action") + " " + i.get("outcome"))
            .containsExactly("LOGOUT SUCCESS", "LOGIN SUCCESS");
        assertThat(items.get(0)).containsEntry("userId", user.id().toString()).containsKeys("occurredAt", "address");
        Map<String, Object> failures = api.get("/api/v1/auth/audit?userId=" + user.id() + "&outcome=FAILURE", admin)
            .getBody();
        assertThat(failures).containsEntry("total", 1);
        ProblemAssertions.assertInvalid(api.get("/api/v1/auth/audit?action=NAP", admin), "action");
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        String admin = api.token(api.admin());
        ProblemAssertions.assertInvalid(api.get("/api/v1/auth/users?role=SUPERUSER", admin), "role");
        ProblemAssertions.assertInvalid(api.get("/api/v1/auth/users?size=501", admin), "size");
        ProblemAssertions.assertInvalid(api.get("/api/v1/auth/users?jurisdictionCode=madurai", admin),
                "jurisdictionCode");
        ProblemAssertions.assertInvalid(api.get("/api/v1/auth/users/not-a-uuid", admin), "id");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/auth/login",
                "/api/v1/auth/register", "/api/v1/auth/users/{id}", "/api/v1/auth/token");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private static List<Object> usernames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(u -> u.get("username")).toList();
    }

}
