package in.mdm.finance.treasury;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.finance.Fixtures;
import in.mdm.finance.Http;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Treasury integration: WireMock stands in for the treasury's payment API. The sender is
 * called directly (its schedule is off in tests) so each test decides when instructions
 * go out.
 */
@MdmIntegrationTest
class TreasuryIntegrationTests {

    static final String SECRET = "test-treasury-secret";
    static final String CALLBACKS = "/api/v1/financial/treasury/callbacks";
    static final WireMockServer TREASURY = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        TREASURY.start();
    }

    @DynamicPropertySource
    static void treasury(DynamicPropertyRegistry registry) {
        registry.add("mdm.finance.treasury.url", TREASURY::baseUrl);
        registry.add("mdm.finance.treasury.hmac-secret", () -> SECRET);
        registry.add("mdm.finance.treasury.retry.wait", () -> "PT0.05S");
        registry.add("mdm.finance.treasury.breaker.minimum-calls", () -> "4");
        registry.add("mdm.finance.treasury.breaker.sliding-window-calls", () -> "4");
        registry.add("mdm.finance.treasury.breaker.open-for", () -> "PT60S");
    }

    @AfterAll
    static void stopTreasury() {
        TREASURY.resetAll();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreasuryInstructionSender sender;

    @Autowired
    TreasuryService treasury;

    @Autowired
    CircuitBreaker treasuryCircuitBreaker;

    Http admin;

    @BeforeEach
    void freshTreasury() {
        admin = Http.as(port, TestTokens.admin());
        TREASURY.resetAll();
        treasuryCircuitBreaker.reset();
        // instructions other test classes released (sharing this database) are set aside,
        // so that only this test's go out
        jdbc.sql("update treasury_instructions set status = 'REFUSED', last_error = 'set aside by a test' "
                + "where status in ('PENDING', 'SENDING')")
            .update();
    }

    @Test
    void aReleasedFundIsPaidOnceWithOneIdempotencyKeyWhenTheTreasuryFirstAnswers503ThenASignedCallbackCreditsIt() {
        UUID release = releasedFund("33310100001", "531", "5310");
        Map<String, Object> instruction = instruction(release);
        assertThat(instruction).containsEntry("status", "PENDING");
        String key = instruction.get("idempotency_key").toString();
        TREASURY.stubFor(post(urlEqualTo("/payments")).inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
        TREASURY.stubFor(post(urlEqualTo("/payments")).inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(201)));

        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(sender.sendPending()).isZero();

        TREASURY.verify(2, postRequestedFor(urlEqualTo("/payments")));
        TREASURY.verify(2,
                postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key", equalTo(key))
                    .withRequestBody(matchingJsonPath("$.amount", equalTo("35425.5")))
                    .withRequestBody(matchingJsonPath("$.releaseId", equalTo(release.toString()))));
        assertThat(instruction(release)).containsEntry("status", "SENT").containsEntry("attempts", 1);

        String body = "{\"idempotencyKey\":\"" + key
                + "\",\"status\":\"CREDITED\",\"treasuryReference\":\"TRY-2035-0001\"}";
        ResponseEntity<Map> confirmed = signed(body, sign(body));
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).containsEntry("alreadyConfirmed", false);
        Map<String, Object> credited = jdbc
            .sql("select treasury_reference, credited_at from fund_releases where id = ?")
            .param(release)
            .query()
            .singleRow();
        assertThat(credited.get("treasury_reference")).isEqualTo("TRY-2035-0001");
        assertThat(credited.get("credited_at")).isNotNull();

        // the same callback again changes nothing; another reference for it is a conflict
        ResponseEntity<Map> again = signed(body, sign(body));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("alreadyConfirmed", true);
        assertThat(jdbc.sql("select credited_at from fund_releases where id = ?").param(release).query().singleRow())
            .isEqualTo(Map.of("credited_at", credited.get("credited_at")));
        String other = body.replace("TRY-2035-0001", "TRY-2035-9999");
        assertProblem(signed(other, sign(other)), HttpStatus.CONFLICT, "finance.treasury.conflicting-callback");
        assertThat(instruction(release)).containsEntry("status", "CONFIRMED")
            .containsEntry("treasury_reference", "TRY-2035-0001");
    }

    @Test
    void aBadSignatureIs401AMachineTokenWithTheCallbackScopeMayConfirmAndOthersMayNot() {
        UUID release = releasedFund("33320100001", "532", "5320");
        String key = instruction(release).get("idempotency_key").toString();
        String body = "{\"idempotencyKey\":\"" + key
                + "\",\"status\":\"CREDITED\",\"treasuryReference\":\"TRY-2035-0002\"}";

        assertProblem(signed(body, sign(body + " ")), HttpStatus.UNAUTHORIZED, "finance.treasury.bad-signature");
        assertProblem(signed(body, "sha256=zz"), HttpStatus.UNAUTHORIZED, "finance.treasury.bad-signature");
        assertProblem(signed(body, null), HttpStatus.UNAUTHORIZED, "finance.treasury.unauthenticated");
        assertProblem(Http.as(port, TestTokens.admin()).post(CALLBACKS, body), HttpStatus.FORBIDDEN,
                "finance.treasury.forbidden");
        assertProblem(Http.as(port, TestTokens.machine("udise", "schools:import")).post(CALLBACKS, body),
                HttpStatus.FORBIDDEN, "finance.treasury.forbidden");
        assertThat(instruction(release)).containsEntry("status", "PENDING");

        String unknown = body.replace(key, UUID.randomUUID().toString());
        assertProblem(signed(unknown, sign(unknown)), HttpStatus.NOT_FOUND, "finance.treasury.unknown-instruction");
        String incomplete = "{\"idempotencyKey\":\"" + key + "\",\"status\":\"CREDITED\"}";
        assertProblem(signed(incomplete, sign(incomplete)), HttpStatus.BAD_REQUEST,
                "finance.treasury.invalid-callback");
        String debited = body.replace("CREDITED", "DEBITED");
        assertProblem(signed(debited, sign(debited)), HttpStatus.BAD_REQUEST, "finance.treasury.invalid-callback");
        String unreadable = "{\"idempotencyKey\":";
        assertProblem(signed(unreadable, sign(unreadable)), HttpStatus.BAD_REQUEST,
                "finance.treasury.unreadable-callback");
        assertThat(instruction(release)).containsEntry("status", "PENDING");

        ResponseEntity<Map> byToken = Http.as(port, TestTokens.machine("treasury", "finance:treasury-callback"))
            .post(CALLBACKS, body);
        assertThat(byToken.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(instruction(release)).containsEntry("status", "CONFIRMED");
        assertThat(jdbc.sql("select actor from audit_log where entity = 'treasury-instruction' and entity_id = ?")
            .param(instruction(release).get("id").toString())
            .query(String.class)
            .single()).isEqualTo("treasury");
    }

    @Test
    void theBreakerOpensAfterRepeated503sAndThenTheTreasuryIsNotCalledAndTheInstructionsWait() {
        UUID first = releasedFund("33330100001", "533", "5330");
        UUID second = releasedFund("33330100002", "533", "5330");
        TREASURY.stubFor(post(urlEqualTo("/payments")).willReturn(aResponse().withStatus(503)));

        assertThat(sender.sendPending()).isZero();

        // three attempts for the first instruction, one for the second: four failures
        // open the breaker
        assertThat(treasuryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        TREASURY.verify(4, postRequestedFor(urlEqualTo("/payments")));
        assertThat(instruction(first)).containsEntry("status", "PENDING");
        assertThat(instruction(second)).containsEntry("status", "PENDING").containsEntry("last_error", "circuit open");

        assertThat(sender.sendPending()).isZero();
        TREASURY.verify(4, postRequestedFor(urlEqualTo("/payments")));

        // once the treasury is back and the breaker closes, each instruction is paid with
        // its own key, once
        TREASURY.resetAll();
        TREASURY.stubFor(post(urlEqualTo("/payments")).willReturn(aResponse().withStatus(200)));
        treasuryCircuitBreaker.transitionToClosedState();
        assertThat(sender.sendPending()).isEqualTo(2);
        TREASURY.verify(1, postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key",
                equalTo(instruction(first).get("idempotency_key").toString())));
        TREASURY.verify(1, postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key",
                equalTo(instruction(second).get("idempotency_key").toString())));
    }

    @Test
    void aTreasuryRedirectIsNotFollowedAndTheInstructionWaitsUnpaid() {
        UUID release = releasedFund("33350100001", "535", "5350");
        TREASURY.stubFor(post(urlEqualTo("/internal/payments")).willReturn(aResponse().withStatus(201)));
        TREASURY.stubFor(post(urlEqualTo("/payments"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", TREASURY.baseUrl() + "/internal/payments")));

        assertThat(sender.sendPending()).as("a redirect is not a payment").isZero();
        TREASURY.verify(1, postRequestedFor(urlEqualTo("/payments")));
        TREASURY.verify(0, postRequestedFor(urlEqualTo("/internal/payments")));
        assertThat(instruction(release)).containsEntry("status", "PENDING")
            .satisfies(i -> assertThat(i.get("last_error").toString()).contains("Redirect refused (302"));
    }

    @Test
    void aRefusalIsNotRetriedAndTheDailyReconciliationListsWhatTheTreasuryHasNotConfirmed() {
        UUID refused = releasedFund("33340100001", "534", "5340");
        TREASURY.stubFor(post(urlEqualTo("/payments")).willReturn(aResponse().withStatus(422)));
        assertThat(sender.sendPending()).isZero();
        TREASURY.verify(1, postRequestedFor(urlEqualTo("/payments")));
        assertThat(instruction(refused)).containsEntry("status", "REFUSED")
            .containsEntry("last_error", "treasury answered 422");
        jdbc.sql("update treasury_instructions set created_at = now() - interval '2 days' where release_id = ?")
            .param(refused)
            .update();

        List<Map<String, Object>> open = admin.getForObject("/api/v1/financial/treasury/reconciliation", List.class);
        assertThat(open).extracting(m -> m.get("releaseId")).contains(refused.toString());
        assertThat(admin.getForObject("/api/v1/financial/treasury/reconciliation?olderThanHours=72", List.class)
            .stream()
            .map(m -> ((Map<?, ?>) m).get("releaseId"))).doesNotContain(refused.toString());
        assertProblem(Http.as(port, TestTokens.officer("534")).get("/api/v1/financial/treasury/reconciliation"),
                HttpStatus.FORBIDDEN, "auth.forbidden");

        long runs = jdbc.sql("select count(*) from treasury_reconciliations").query(Long.class).single();
        treasury.reconcile();
        Map<String, Object> run = jdbc.sql("select unconfirmed from treasury_reconciliations order by id desc limit 1")
            .query()
            .singleRow();
        assertThat(jdbc.sql("select count(*) from treasury_reconciliations").query(Long.class).single())
            .isEqualTo(runs + 1);
        assertThat((Integer) run.get("unconfirmed")).isGreaterThanOrEqualTo(1);
    }

    /**
     * Allocates 100 primary children for 2037-38 (149 160.00), releases quarter 1 (35
     * 425.50) through all three levels.
     */
    private UUID releasedFund(String udise, String district, String block) {
        UUID allocation = Fixtures.allocate(jdbc, admin, udise, "2037-38", 100, 0, district, block);
        Map<String, Object> release = admin
            .post("/api/v1/financial/releases",
                    "{\"allocationId\":\"" + allocation + "\",\"kind\":\"QUARTERLY\",\"quarter\":1}")
            .getBody();
        String approve = "/api/v1/financial/releases/" + release.get("releaseId") + "/approve";
        for (String token : List.of(TestTokens.officer(district), TestTokens.blockOfficer(block),
                TestTokens.school(udise))) {
            assertThat(Http.as(port, token).post(approve, "").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        return UUID.fromString(release.get("releaseId").toString());
    }

    private Map<String, Object> instruction(UUID release) {
        return jdbc.sql("""
                select id, idempotency_key, status, attempts, last_error, treasury_reference
                from treasury_instructions where release_id = ?""").param(release).query().singleRow();
    }

    private ResponseEntity<Map> signed(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Treasury-Signature", signature);
        }
        return Http.as(port, null).postForEntity(CALLBACKS, new HttpEntity<>(body, headers), Map.class);
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
