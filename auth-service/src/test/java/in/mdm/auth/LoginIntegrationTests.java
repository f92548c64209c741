package in.mdm.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.auth.AuthTopics;
import in.mdm.events.auth.UserLocked;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@AuthIntegrationTest
class LoginIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CloudEventCodec codec;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    @Test
    void aUserSignsInAndGetsTokensOnTheContract() throws Exception {
        Api.TestUser officer = api.districtOfficer(Api.code(3));

        ResponseEntity<Map> response = api.login(officer.username(), Api.PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("tokenType", "Bearer")
            .containsEntry("expiresIn", 900)
            .containsKeys("accessToken", "refreshToken");
        SignedJWT jwt = SignedJWT.parse((String) response.getBody().get("accessToken"));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).startsWith("mdm-");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly("mdm-twin");
        assertThat(claims.getSubject()).isEqualTo(officer.username());
        assertThat(claims.getStringClaim("uid")).isEqualTo(officer.id().toString());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(officer.username());
        assertThat(claims.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(claims.getJSONObjectClaim("jurisdiction")).containsEntry("level", "DISTRICT");
        assertThat(claims.getJWTID()).matches("[0-9a-f-]{36}");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
            .isEqualTo(Duration.ofMinutes(15));

        // the key that signed it is published
        Map<String, Object> jwks = http.getForObject("/.well-known/jwks.json", Map.class);
        assertThat((List<Map<String, Object>>) jwks.get("keys"))
            .anySatisfy(key -> assertThat(key).containsEntry("kid", jwt.getHeader().getKeyID())
                .containsEntry("kty", "RSA")
                .containsEntry("use", "sig")
                .containsEntry("alg", "RS256")
                .doesNotContainKeys("d", "p", "q"));

        Map<String, Object> me = api.get("/api/v1/auth/me", (String) response.getBody().get("accessToken")).getBody();
        assertThat(me).containsEntry("username", officer.username())
            .containsEntry("role", "OFFICER")
            .containsEntry("mfaEnabled", false);
        assertThat(me.keySet())
            .noneMatch(k -> k.toLowerCase().contains("password") || k.toLowerCase().contains("secret"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndBothAreAudited() {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");

        ResponseEntity<Map> wrongPassword = api.login(user.username(), "Not-The-Password-1");
        ResponseEntity<Map> unknownUser = api.login("nobody.here", "Not-The-Password-1");

        ProblemAssertions.assertProblem(wrongPassword, HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");
        ProblemAssertions.assertProblem(unknownUser, HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");
        assertThat(wrongPassword.getBody().get("detail")).isEqualTo(unknownUser.getBody().get("detail"));
        assertThat(jdbc.sql(
                "select outcome || ' ' || coalesce(detail, '') from audit_events where username = :u and action = 'LOGIN'")
            .param("u", user.username())
            .query(String.class)
            .list()).containsExactly("FAILURE wrong password");
        assertThat(jdbc.sql("select count(*) from audit_events where username = 'nobody.here' and outcome = 'FAILURE'")
            .query(Long.class)
            .single()).isPositive();
        assertThat(jdbc.sql("select address from audit_events where username = :u")
            .param("u", user.username())
            .query(String.class)
            .single()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void fiveFailuresLockTheAccountPublishUserLockedAndTheLockEnds() {
        Api.TestUser user = api.school(Api.code(11), "569", "6302");

        for (int i = 0; i < 5; i++) {
            ProblemAssertions.assertProblem(api.login(user.username(), "Wrong-Password-" + i), HttpStatus.UNAUTHORIZED,
                    "auth.invalid-credentials");
        }
        // locked: even the right password is refused
        ProblemAssertions.assertProblem(api.login(user.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.account-locked");
        assertThat(
                jdbc.sql("select status from users where id = :id").param("id", user.id()).query(String.class).single())
            .isEqualTo("LOCKED");

        UserLocked event = Api.awaitEvent(codec, AuthTopics.USERS, user.id().toString(), UserLocked.class);
        assertThat(event.username()).isEqualTo(user.username());
        assertThat(event.failedAttempts()).isEqualTo(5);
        assertThat(Duration.between(event.occurredAt(), event.lockedUntil())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jdbc.sql("select count(*) from audit_events where user_id = :id and action = 'ACCOUNT_LOCKED'")
            .param("id", user.id())
            .query(Long.class)
            .single()).isEqualTo(1);

        // fifteen minutes later (moved back in the database rather than waited for)
        jdbc.sql("update users set locked_until = :past where id = :id")
            .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
            .param("id", user.id())
            .update();
        assertThat(api.login(user.username(), Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(
                jdbc.sql("select status from users where id = :id").param("id", user.id()).query(String.class).single())
            .isEqualTo("ACTIVE");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        Api.TestUser user = api.school(Api.code(11), "570", "6303");
        for (int i = 0; i < 4; i++) {
            api.login(user.username(), "Wrong-Password-" + i);
        }
        // the first failures fall out of the 15-minute window
        jdbc.sql("update users set first_failed_at = first_failed_at - interval '16 minutes' where id = :id")
            .param("id", user.id())
            .update();
        ProblemAssertions.assertProblem(api.login(user.username(), "Wrong-Password-x"), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        assertThat(api.login(user.username(), Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void disabledAndPendingAccountsCannotSignIn() {
        Api.TestUser disabled = api.user(Api.unique("hm.disabled"), "SCHOOL", "SCHOOL", Api.code(11), "568", "6301",
                "DISABLED");
        Api.TestUser pending = api.user(Api.unique("hm.pending"), "SCHOOL", "SCHOOL", Api.code(11), "568", "6301",
                "PENDING_ACTIVATION");

        ProblemAssertions.assertProblem(api.login(disabled.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        ProblemAssertions.assertProblem(api.login(pending.username(), Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
    }

    @Test
    void refreshRotatesAndReusingARotatedTokenRevokesTheWholeFamily() {
        Api.TestUser user = api.districtOfficer(Api.code(3));
        Map<String, Object> first = api.login(user.username(), Api.PASSWORD).getBody();
        String refresh1 = (String) first.get("refreshToken");

        ResponseEntity<Map> second = api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh1 + "\"}", null);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        String refresh2 = (String) second.getBody().get("refreshToken");
        String access2 = (String) second.getBody().get("accessToken");
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(api.get("/api/v1/auth/me", access2).getStatusCode()).isEqualTo(HttpStatus.OK);

        // someone replays the old token: the family is revoked, the current refresh token
        // and access token too
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh1 + "\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh2 + "\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", access2), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
        assertThat(jdbc.sql("select count(*) from audit_events where user_id = :id and action = 'REFRESH_TOKEN_REUSED'")
            .param("id", user.id())
            .query(Long.class)
            .single()).isEqualTo(1);

        // another session of the same user is untouched
        assertThat(api.get("/api/v1/auth/me", api.token(user)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aGarbageRefreshTokenIsRefusedWithoutHarmingTheSession() {
        Api.TestUser user = api.districtOfficer(Api.code(3));
        String refresh = (String) api.login(user.username(), Api.PASSWORD).getBody().get("refreshToken");
        String session = refresh.substring(0, refresh.indexOf('.'));

        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + session + ".forged\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"nonsense\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        assertThat(api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void logoutRevokesTheAccessTokenUntilItExpiresAndEndsTheSession() throws Exception {
        Api.TestUser user = api.school(Api.code(11), "568", "6301");
        Map<String, Object> tokens = api.login(user.username(), Api.PASSWORD).getBody();
        String access = (String) tokens.get("accessToken");
        String jti = SignedJWT.parse(access).getJWTClaimsSet().getJWTID();

        assertThat(api.post("/api/v1/auth/logout", "", access).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", access), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + tokens.get("refreshToken") + "\"}", null),
                HttpStatus.UNAUTHORIZED, "auth.token-invalid");
        // the deny-list entry every service checks, kept until the token would have
        // expired
        assertThat(redis.hasKey("mdm:auth:denied-jti:" + jti)).isTrue();
        assertThat(redis.getExpire("mdm:auth:denied-jti:" + jti)).isBetween(15 * 60L - 30, 15 * 60L + 31);
        assertThat(jdbc.sql("select count(*) from audit_events where user_id = :id and action = 'LOGOUT'")
            .param("id", user.id())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void badLoginRequestsNameTheField() {
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/login", "{\"username\":\"someone\"}", null), "password");
        ProblemAssertions.assertInvalid(api.post("/api/v1/auth/login", "{\"password\":\"x\"}", null), "username");
        assertThat(api.post("/api/v1/auth/login", "{\"username\":\"a\",\"password\":\"b\",\"role\":\"ADMIN\"}", null)
            .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theFirstAdminComesFromTheConfiguration() {
        String token = api.token(Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, Object> me = api.get("/api/v1/auth/me", token).getBody();
        assertThat(me).containsEntry("role", "ADMIN")
            .containsEntry("jurisdictionLevel", "STATE")
            .containsEntry("jurisdictionCode", "33")
            .containsEntry("status", "ACTIVE");
        assertThat(jdbc.sql("select password_hash from users where username = :u")
            .param("u", Api.ADMIN)
            .query(String.class)
            .single()).startsWith("$2a$12$");
    }

}
