package in.mdm.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import in.mdm.events.auth.PasswordResetRequested;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserRegistered;
import in.mdm.platform.security.crypto.EventSeal;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, activation, password reset and change. */
@AuthIntegrationTest
class AccountIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    EventSeal seal;

    static final String REGISTERED = "in.mdm.auth.UserRegistered.v1";

    static final String RESET = "in.mdm.auth.PasswordResetRequested.v1";

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    private static String schoolUser(String username, String udise, String district, String block) {
        return """
                {"username":"%s","email":"%s@tn.gov.in","phone":"+919443012345","displayName":"HM %s",
                 "role":"SCHOOL","jurisdictionLevel":"SCHOOL","jurisdictionCode":"%s","districtCode":"%s","blockCode":"%s",
                 "preferredLanguage":"ta"}"""
            .formatted(username, username, username, udise, district, block);
    }

    @Test
    void anAdminRegistersAUserWhoActivatesWithTheTokenFromTheEventAndSignsIn() {
        String admin = api.token(api.admin());
        String username = Api.unique("hm");
        String udise = Api.code(11);

        ResponseEntity<Map> created = api.post("/api/v1/auth/register", schoolUser(username, udise, "568", "6301"),
                admin);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("username", username)
            .containsEntry("status", "PENDING_ACTIVATION")
            .containsEntry("districtCode", "568")
            .containsEntry("blockCode", "6301")
            .containsEntry("preferredLanguage", "ta");
        UUID id = UUID.fromString((String) created.getBody().get("id"));

        UserRegistered registered = Api.awaitEvent(codec, AuthTopics.USERS, id.toString(), UserRegistered.class);
        assertThat(registered.username()).isEqualTo(username);
        assertThat(registered.role()).isEqualTo("SCHOOL");
        assertThat(registered.jurisdiction()).isEqualTo(Jurisdiction.school(udise));
        assertThat(Duration.between(registered.occurredAt(), registered.activationExpiresAt()))
            .isEqualTo(Duration.ofHours(24));
        // the broker holds the person's e-mail, phone, name and token sealed, never in
        // plain
        assertThat(registered.activationToken()).startsWith(EventSeal.PREFIX);
        assertThat(List.of(registered.email(), registered.displayName()))
            .allSatisfy(v -> assertThat(v).startsWith(EventSeal.PREFIX));
        assertThat(seal.open(REGISTERED, "email", registered.email())).isEqualTo(username + "@tn.gov.in");
        assertThat(seal.open(REGISTERED, "phone", registered.phone())).isEqualTo("+919443012345");
        String token = seal.open(REGISTERED, "activationToken", registered.activationToken());
        assertThat(jdbc.sql("select count(*) from account_tokens where token_hash = :t")
            .param("t", token)
            .query(Long.class)
            .single()).as("the token itself is not stored").isZero();

        // not yet: no password
        ProblemAssertions.assertProblem(api.login(username, "Madurai-School-2026"), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");

        // a weak password is refused and does not use the token up
        ProblemAssertions.assertInvalid(
                api.post("/api/v1/auth/activate", "{\"token\":\"" + token + "\",\"password\":\"short1A\"}", null),
                "password");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/activate",
                "{\"token\":\"" + token + "\",\"password\":\"alllowercaseletters\"}", null), "password");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/activate",
                "{\"token\":\"" + token + "\",\"password\":\"X1-" + username + "\"}", null), "password");

        ResponseEntity<Map> activated = api.post("/api/v1/auth/activate",
                "{\"token\":\"" + token + "\",\"password\":\"Madurai-School-2026\"}", null);
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody()).containsEntry("status", "ACTIVE");
        assertThat(
                jdbc.sql("select password_hash from users where id = :id").param("id", id).query(String.class).single())
            .startsWith("$2a$12$");
        assertThat(Api.awaitEvent(codec, AuthTopics.USERS, id.toString(), UserActivated.class).username())
            .isEqualTo(username);

        // single use
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/activate",
                        "{\"token\":\"" + token + "\",\"password\":\"Another-Password-2026\"}", null),
                HttpStatus.BAD_REQUEST, "auth.activation.token-invalid");

        assertThat(api.login(username, "Madurai-School-2026").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anExpiredOrUnknownActivationTokenIsRefused() {
        ProblemAssertions
            .assertProblem(
                    api.post("/api/v1/auth/activate",
                            "{\"token\":\"no-such-token\",\"password\":\"Madurai-School-2026\"}", null),
                    HttpStatus.BAD_REQUEST, "auth.activation.token-invalid");

        String admin = api.token(api.admin());
        String username = Api.unique("hm");
        UUID id = UUID.fromString(
                (String) api.post("/api/v1/auth/register", schoolUser(username, Api.code(11), "568", "6301"), admin)
                    .getBody()
                    .get("id"));
        String token = seal.open(REGISTERED, "activationToken",
                Api.awaitEvent(codec, AuthTopics.USERS, id.toString(), UserRegistered.class).activationToken());
        jdbc.sql("update account_tokens set expires_at = now() - interval '1 second' where user_id = :id")
            .param("id", id)
            .update();

        ProblemAssertions
            .assertProblem(
                    api.post("/api/v1/auth/activate",
                            "{\"token\":\"" + token + "\",\"password\":\"Madurai-School-2026\"}", null),
                    HttpStatus.BAD_REQUEST, "auth.activation.token-invalid");
    }

    @Test
    void anExpiredActivationIsSentAgainAndOnlyTheNewTokenWorks() {
        String district = Api.code(4);
        String officer = api.token(api.districtOfficer(district));
        String username = Api.unique("hm");
        UUID id = UUID.fromString((String) api
            .post("/api/v1/auth/register", schoolUser(username, Api.code(11), district, "6301"), officer)
            .getBody()
            .get("id"));
        String first = seal.open(REGISTERED, "activationToken",
                Api.awaitEvent(codec, AuthTopics.USERS, id.toString(), UserRegistered.class).activationToken());

        assertThat(api.post("/api/v1/auth/users/" + id + "/activation", "", officer).getStatusCode())
            .isEqualTo(HttpStatus.ACCEPTED);
        String second = awaitAnotherActivation(id, first);

        ProblemAssertions
            .assertProblem(
                    api.post("/api/v1/auth/activate",
                            "{\"token\":\"" + first + "\",\"password\":\"Madurai-School-2026\"}", null),
                    HttpStatus.BAD_REQUEST, "auth.activation.token-invalid");
        assertThat(api
            .post("/api/v1/auth/activate", "{\"token\":\"" + second + "\",\"password\":\"Madurai-School-2026\"}", null)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/users/" + id + "/activation", "", officer),
                HttpStatus.CONFLICT, "auth.activation.not-pending");
        // another district's officer does not see the user at all
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/users/" + id + "/activation", "", api.token(api.districtOfficer(Api.code(4)))),
                HttpStatus.NOT_FOUND, "auth.user.not-found");
    }

    private String awaitAnotherActivation(UUID id, String first) {
        String[] found = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = in.mdm.testkit.KafkaProbe.onTestBroker()
                .readAll(AuthTopics.USERS, Duration.ofSeconds(1))
                .stream()
                .filter(r -> id.toString().equals(r.key()))
                .map(r -> io.cloudevents.kafka.KafkaMessageFactory.createReader(r).toEvent())
                .filter(e -> e.getType().equals("in.mdm.auth.UserRegistered.v1"))
                .map(e -> seal.open(REGISTERED, "activationToken",
                        codec.decode(e, UserRegistered.class).activationToken()))
                .filter(t -> !t.equals(first))
                .findFirst()
                .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    @Test
    void anOfficerRegistersSchoolUsersOfItsOwnDistrictOnly() {
        String district = Api.code(3);
        String officer = api.token(api.districtOfficer(district));

        assertThat(
                api.post("/api/v1/auth/register", schoolUser(Api.unique("hm"), Api.code(11), district, "6301"), officer)
                    .getStatusCode())
            .isEqualTo(HttpStatus.CREATED);

        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register", schoolUser(Api.unique("hm"), Api.code(11), "999", "6301"), officer),
                HttpStatus.FORBIDDEN, "auth.outside-jurisdiction");
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register",
                        """
                                {"username":"%s","email":"%s@tn.gov.in","displayName":"Another officer","role":"OFFICER",
                                 "jurisdictionLevel":"DISTRICT","jurisdictionCode":"%s"}"""
                            .formatted(Api.unique("deo"), Api.unique("deo"), district),
                        officer),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void aBlockOfficerRegistersSchoolUsersOfItsBlockOnly() {
        String block = Api.code(4);
        String officer = api.token(api.user("OFFICER", "BLOCK", block, "568", block));

        assertThat(api.post("/api/v1/auth/register", schoolUser(Api.unique("hm"), Api.code(11), "568", block), officer)
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register", schoolUser(Api.unique("hm"), Api.code(11), "568", "1"), officer),
                HttpStatus.FORBIDDEN, "auth.outside-jurisdiction");
    }

    @Test
    void aSchoolUserCannotRegisterAnyone() {
        String school = api.token(api.school(Api.code(11), "568", "6301"));
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register", schoolUser(Api.unique("hm"), Api.code(11), "568", "6301"), school),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void registrationChecksEveryFieldAndTheRoleJurisdictionFit() {
        String admin = api.token(api.admin());
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/register", """
                {"username":"X","email":"not-an-email","displayName":"x","role":"SCHOOL","jurisdictionLevel":"SCHOOL",
                 "jurisdictionCode":"33020100101","districtCode":"568","blockCode":"6301"}""", admin), "email",
                "username");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/register", """
                {"username":"%s","email":"a@tn.gov.in","displayName":"x","role":"SCHOOL","jurisdictionLevel":"DISTRICT",
                 "jurisdictionCode":"568"}""".formatted(Api.unique("hm")), admin), "jurisdictionLevel");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/register", """
                {"username":"%s","email":"a@tn.gov.in","displayName":"x","role":"SCHOOL","jurisdictionLevel":"SCHOOL",
                 "jurisdictionCode":"33020100101"}""".formatted(Api.unique("hm")), admin), "districtCode", "blockCode");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/register", """
                {"username":"%s","email":"a@tn.gov.in","displayName":"x","role":"OFFICER","jurisdictionLevel":"BLOCK",
                 "jurisdictionCode":"6301"}""".formatted(Api.unique("beo")), admin), "districtCode");
        String username = Api.unique("hm");
        assertThat(api.post("/api/v1/auth/register", schoolUser(username, Api.code(11), "568", "6301"), admin)
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/register", schoolUser(username, Api.code(11), "568", "6301"), admin),
                HttpStatus.CONFLICT, "auth.user.duplicate-username");
    }

    @Test
    void aResetAnswersTheSameForKnownAndUnknownAccountsAndPublishesOnlyForTheKnown() {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");

        ResponseEntity<Map> known = api.post("/api/v1/auth/reset-password",
                "{\"username\":\"" + user.username() + "\"}", null);
        ResponseEntity<Map> unknown = api.post("/api/v1/auth/reset-password", "{\"username\":\"no.such.user\"}", null);
        ResponseEntity<Map> unknownEmail = api.post("/api/v1/auth/reset-password", "{\"email\":\"nobody@tn.gov.in\"}",
                null);

        assertThat(known.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(unknownEmail.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(known.getBody()).isEqualTo(unknown.getBody()).isEqualTo(unknownEmail.getBody());
        assertThat(known.getHeaders().getContentType()).isEqualTo(unknown.getHeaders().getContentType());

        PasswordResetRequested event = Api.awaitEvent(codec, AuthTopics.USERS, user.id().toString(),
                PasswordResetRequested.class);
        assertThat(event.username()).isEqualTo(user.username());
        assertThat(Duration.between(event.occurredAt(), event.expiresAt())).isEqualTo(Duration.ofMinutes(30));

        // the reset token works once; the old password stops working
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/reset-password/confirm",
                "{\"token\":\"" + seal.open(RESET, "resetToken", event.resetToken()) + "\",\"newPassword\":\"weak\"}",
                null), "newPassword");
        assertThat(api
            .post("/api/v1/auth/reset-password/confirm",
                    "{\"token\":\"" + seal.open(RESET, "resetToken", event.resetToken())
                            + "\",\"newPassword\":\"New-Kattur-Pass-2026\"}",
                    null)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/reset-password/confirm",
                        "{\"token\":\"" + seal.open(RESET, "resetToken", event.resetToken())
                                + "\",\"newPassword\":\"Other-Kattur-Pass-2026\"}",
                        null),
                HttpStatus.BAD_REQUEST, "auth.reset.token-invalid");
        ProblemAssertions.assertProblem(api.login(user.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        assertThat(api.login(user.username(), "New-Kattur-Pass-2026").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql(
                "select count(*) from audit_events where user_id = :id and action = 'PASSWORD_CHANGED' and outcome = 'SUCCESS'")
            .param("id", user.id())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aResetByEmailUnlocksALockedAccountAndEndsItsSessions() {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        String refresh = (String) api.login(user.username(), Api.PASSWORD).getBody().get("refreshToken");
        for (int i = 0; i < 5; i++) {
            api.login(user.username(), "Wrong-Password-" + i);
        }
        ProblemAssertions.assertProblem(api.login(user.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.account-locked");

        api.post("/api/v1/auth/reset-password", "{\"email\":\"" + user.username().toUpperCase() + "@TN.GOV.IN\"}",
                null);
        PasswordResetRequested event = Api.awaitEvent(codec, AuthTopics.USERS, user.id().toString(),
                PasswordResetRequested.class);
        api.post("/api/v1/auth/reset-password/confirm", "{\"token\":\""
                + seal.open(RESET, "resetToken", event.resetToken()) + "\",\"newPassword\":\"New-Kattur-Pass-2026\"}",
                null);

        assertThat(api.login(user.username(), "New-Kattur-Pass-2026").getStatusCode()).isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
    }

    @Test
    void aResetRequestNeedsAUsernameOrEmail() {
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/reset-password", "{}", null), "username");
    }

    @Test
    void aSignedInUserChangesItsPasswordWithTheCurrentOne() {
        Api.TestUser user = api.districtOfficer(Api.code(3));
        String token = api.token(user);

        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/password",
                        "{\"currentPassword\":\"Wrong-Password-1\",\"newPassword\":\"Changed-Pass-2026\"}", token),
                HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");
        assertThat(api
            .post("/api/v1/auth/password",
                    "{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"Changed-Pass-2026\"}", token)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.login(user.username(), "Changed-Pass-2026").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

}
