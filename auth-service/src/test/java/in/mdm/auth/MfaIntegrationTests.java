package in.mdm.auth;

import java.util.List;
import java.util.Map;

import com.warrenstrange.googleauth.GoogleAuthenticator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor: enrol, confirm, sign in with and without a code, recovery codes,
 * disable.
 */
@AuthIntegrationTest
class MfaIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api api;

    final GoogleAuthenticator authenticatorApp = new GoogleAuthenticator();

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    private record Enrolled(Api.TestUser user, String secret, List<String> recoveryCodes, String confirmedWith) {
    }

    private Enrolled enrol() {
        Api.TestUser user = api.districtOfficer(Api.code(3));
        String token = api.token(user);
        ResponseEntity<Map> enrolment = api.post("/api/v1/auth/mfa/enroll", "", token);
        assertThat(enrolment.getStatusCode()).isEqualTo(HttpStatus.OK);
        String secret = (String) enrolment.getBody().get("secret");
        assertThat((String) enrolment.getBody().get("otpauthUri"))
            .startsWith("otpauth://totp/MDM%20Twin%3A" + user.username())
            .contains("secret=" + secret);

        ProblemAssertions.assertProblem(api.post("/api/v1/auth/mfa/confirm", "{\"code\":\"000000\"}", token),
                HttpStatus.BAD_REQUEST, "auth.mfa.code-invalid");
        String code = String.format("%06d", authenticatorApp.getTotpPassword(secret));
        ResponseEntity<Map> confirmed = api.post("/api/v1/auth/mfa/confirm", "{\"code\":\"" + code + "\"}", token);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> codes = (List<String>) confirmed.getBody().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
        assertThat(jdbc.sql("select mfa_secret from users where id = :id")
            .param("id", user.id())
            .query(String.class)
            .single()).as("the TOTP secret is sealed in the database").startsWith("v1:").doesNotContain(secret);
        return new Enrolled(user, secret, codes, code);
    }

    @Test
    void aUserWithASecondFactorMustSendACode() {
        Enrolled enrolled = enrol();
        String username = enrolled.user().username();

        ProblemAssertions.assertProblem(api.login(username, Api.PASSWORD), HttpStatus.UNAUTHORIZED,
                "auth.otp-required");
        ProblemAssertions.assertProblem(api.login(username, Api.PASSWORD, wrongCode(enrolled)), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        // the code that confirmed the enrolment is used up
        ProblemAssertions.assertProblem(api.login(username, Api.PASSWORD, enrolled.confirmedWith()),
                HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");
        // a right code with a wrong password tells nothing
        ProblemAssertions.assertProblem(api.login(username, "Wrong-Password-1", next(enrolled)),
                HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");

        ResponseEntity<Map> signedIn = api.login(username, Api.PASSWORD, next(enrolled));
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/v1/auth/me", (String) signedIn.getBody().get("accessToken")).getBody())
            .containsEntry("mfaEnabled", true);
        // a code works once, even inside its 30 seconds
        ProblemAssertions.assertProblem(api.login(username, Api.PASSWORD, next(enrolled)), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        assertThat(jdbc.sql("select count(*) from audit_events where user_id = :id and action = 'MFA_ENABLED'")
            .param("id", enrolled.user().id())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        Enrolled enrolled = enrol();
        String username = enrolled.user().username();
        String recovery = enrolled.recoveryCodes().get(3);

        assertThat(api.login(username, Api.PASSWORD, recovery).getStatusCode()).isEqualTo(HttpStatus.OK);
        ProblemAssertions.assertProblem(api.login(username, Api.PASSWORD, recovery), HttpStatus.UNAUTHORIZED,
                "auth.invalid-credentials");
        // written without the dash and in lower case, another one still works
        assertThat(api.login(username, Api.PASSWORD, enrolled.recoveryCodes().get(4).replace("-", "").toLowerCase())
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from mfa_recovery_codes where user_id = :id and used_at is null")
            .param("id", enrolled.user().id())
            .query(Long.class)
            .single()).isEqualTo(8);
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        Enrolled enrolled = enrol();
        String username = enrolled.user().username();
        String token = (String) api.login(username, Api.PASSWORD, next(enrolled)).getBody().get("accessToken");

        ProblemAssertions.assertProblem(
                api.post("/api/v1/auth/mfa/disable",
                        "{\"password\":\"Wrong-Password-1\",\"otp\":\"" + next(enrolled) + "\"}", token),
                HttpStatus.UNAUTHORIZED, "auth.invalid-credentials");
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/mfa/enroll", "", token), HttpStatus.CONFLICT,
                "auth.mfa.already-enabled");
        assertThat(api.post("/api/v1/auth/mfa/disable",
                "{\"password\":\"" + Api.PASSWORD + "\",\"otp\":\"" + enrolled.recoveryCodes().get(0) + "\"}", token)
            .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.login(username, Api.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select count(*) from mfa_recovery_codes where user_id = :id")
            .param("id", enrolled.user().id())
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void confirmingWithoutEnrollingIsAConflict() {
        String token = api.token(api.districtOfficer(Api.code(3)));
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/mfa/confirm", "{\"code\":\"123456\"}", token),
                HttpStatus.CONFLICT, "auth.mfa.not-enrolling");
    }

    /** The code of the next 30-second step (accepted: clocks may drift one step). */
    private String next(Enrolled enrolled) {
        return String.format("%06d",
                authenticatorApp.getTotpPassword(enrolled.secret(), System.currentTimeMillis() + 30_000));
    }

    /** A code of none of the accepted steps. */
    private String wrongCode(Enrolled enrolled) {
        java.util.Set<Integer> good = new java.util.HashSet<>();
        for (int step = -1; step <= 2; step++) {
            good.add(authenticatorApp.getTotpPassword(enrolled.secret(), System.currentTimeMillis() + step * 30_000L));
        }
        int wrong = 123456;
        while (good.contains(wrong)) {
            wrong++;
        }
        return String.format("%06d", wrong);
    }

}
