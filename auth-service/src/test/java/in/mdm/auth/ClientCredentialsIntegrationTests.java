package in.mdm.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-credentials grant for the treasury and UDISE, and clients registered by an
 * ADMIN.
 */
@AuthIntegrationTest
class ClientCredentialsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private ResponseEntity<Map> token(String basicId, String basicSecret, String... form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (basicId != null) {
            headers.setBasicAuth(
                    Base64.getEncoder().encodeToString((basicId + ":" + basicSecret).getBytes(StandardCharsets.UTF_8)));
        }
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        for (int i = 0; i < form.length; i += 2) {
            body.add(form[i], form[i + 1]);
        }
        return http.postForEntity("/api/v1/auth/token", new HttpEntity<>(body, headers), Map.class);
    }

    @Test
    void theTreasuryFromTheConfigurationGetsAScopedMachineToken() throws Exception {
        ResponseEntity<Map> response = token("treasury", Api.TREASURY_SECRET, "grant_type", "client_credentials");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getCacheControl()).contains("no-store");
        assertThat(response.getBody()).containsEntry("token_type", "Bearer")
            .containsEntry("expires_in", 900)
            .containsEntry("scope", "finance:treasury-callback");
        var claims = SignedJWT.parse((String) response.getBody().get("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("treasury");
        assertThat(claims.getStringClaim("scope")).isEqualTo("finance:treasury-callback");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getJSONObjectClaim("jurisdiction")).containsEntry("level", "STATE");
        assertThat(claims.getAudience()).containsExactly("mdm-twin");
        assertThat(claims.getClaim("uid")).isNull();

        // the secret is kept hashed
        assertThat(jdbc.sql("select secret_hash from machine_clients where client_id = 'treasury'")
            .query(String.class)
            .single()).startsWith("$2a$12$").doesNotContain(Api.TREASURY_SECRET);
        // a client without a configured secret is not registered
        assertThat(
                jdbc.sql("select count(*) from machine_clients where client_id = 'udise'").query(Long.class).single())
            .isZero();

        // a machine is no person: user routes are closed to it
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", (String) response.getBody().get("access_token")),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void credentialsMayComeAsFormFields() {
        assertThat(token(null, null, "grant_type", "client_credentials", "client_id", "treasury", "client_secret",
                Api.TREASURY_SECRET, "scope", "finance:treasury-callback")
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongSecretsUnknownClientsOtherGrantsAndScopesAreRefused() {
        ResponseEntity<Map> wrong = token("treasury", "not-the-secret", "grant_type", "client_credentials");
        ProblemAssertions.assertProblem(wrong, HttpStatus.UNAUTHORIZED, "auth.invalid-client");
        assertThat(wrong.getBody()).containsEntry("error", "invalid_client");
        ProblemAssertions.assertProblem(token("nobody", "x", "grant_type", "client_credentials"),
                HttpStatus.UNAUTHORIZED, "auth.invalid-client");
        ProblemAssertions.assertProblem(token(null, null, "grant_type", "client_credentials"), HttpStatus.UNAUTHORIZED,
                "auth.invalid-client");
        ProblemAssertions.assertProblem(token("treasury", Api.TREASURY_SECRET, "grant_type", "password"),
                HttpStatus.BAD_REQUEST, "auth.unsupported-grant-type");
        ProblemAssertions.assertProblem(
                token("treasury", Api.TREASURY_SECRET, "grant_type", "client_credentials", "scope", "schools:import"),
                HttpStatus.BAD_REQUEST, "auth.invalid-scope");
        ProblemAssertions.assertProblem(
                http.postForEntity(
                        "/api/v1/auth/token?client_id=treasury&client_secret=" + Api.TREASURY_SECRET
                                + "&grant_type=client_credentials",
                        new HttpEntity<>(new LinkedMultiValueMap<String, String>(), formHeaders()), Map.class),
                HttpStatus.BAD_REQUEST, "auth.secret-in-url");
        assertThat(jdbc.sql(
                "select count(*) from audit_events where action = 'CLIENT_TOKEN' and outcome = 'FAILURE' and username = 'nobody'")
            .query(Long.class)
            .single()).isPositive();
    }

    @Test
    void anAdminRegistersAClientWhoseSecretIsShownOnce() {
        String admin = api.token(api.admin());
        String clientId = Api.unique("udise-sync");

        ResponseEntity<Map> created = api.post("/api/v1/auth/clients", "{\"clientId\":\"" + clientId
                + "\",\"scopes\":[\"schools:import\"],\"description\":\"UDISE+ nightly import\"}", admin);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String secret = (String) created.getBody().get("clientSecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

        assertThat(token(clientId, secret, "grant_type", "client_credentials").getBody()).containsEntry("scope",
                "schools:import");
        ProblemAssertions
            .assertProblem(
                    api.post("/api/v1/auth/clients",
                            "{\"clientId\":\"" + clientId + "\",\"scopes\":[\"schools:import\"]}", admin),
                    HttpStatus.CONFLICT, "auth.client.duplicate-id");
        ProblemAssertions.assertInvalid(
                api.post("/api/v1/auth/clients", "{\"clientId\":\"Bad Id\",\"scopes\":[]}", admin), "clientId",
                "scopes");
        assertThat(http
            .exchange("/api/v1/auth/clients", org.springframework.http.HttpMethod.GET,
                    new HttpEntity<>(Api.headers(admin)), String.class)
            .getBody()).contains(clientId).doesNotContain(secret);
    }

}
