package in.mdm.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import in.mdm.platform.security.TokenChecks;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge authentication with the open routes and role rules of config-repo/gateway.yml:
 * WireMock stands in for the services behind the routes and for a Keycloak realm's JWKS;
 * tokens come from the test kit's issuer; the logout deny-list and the rate limits live
 * in the kit's real Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class EdgeSecurityIntegrationTests {

    static final WireMockServer backend = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final RSAKey realmKey = TestTokens.rsa("realm-sig");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        backend.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> Infrastructure.redis().port());
        TestTokens.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("mdm.security.keycloak.issuer-uri", EdgeSecurityIntegrationTests::realmIssuer);
        // the key server's failures are the subject of some tests here: every fetch goes
        // out
        // (KeySetThrottleTests holds the throttle)
        registry.add("mdm.security.keys-refetch-interval", () -> "0s");
        for (String service : List.of("auth-service", "school-service", "finance-service", "ml-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> "http://127.0.0.1:" + backend.port());
        }
        registry.add("spring.cloud.gateway.server.webflux.redis-rate-limiter.config[ml-service].replenish-rate",
                () -> "1");
        registry.add("spring.cloud.gateway.server.webflux.redis-rate-limiter.config[ml-service].burst-capacity",
                () -> "2");
    }

    static String realmIssuer() {
        return "http://127.0.0.1:" + backend.port() + "/realms/mdm";
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void stubs() {
        backend.resetAll();
        backend.stubFor(get("/realms/mdm/protocol/openid-connect/certs")
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(realmKey.toPublicJWK()).toString())));
        backend.stubFor(get(anyUrl()).atPriority(10)
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        backend.stubFor(post(anyUrl()).atPriority(10)
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void aRouteWithoutATokenIs401ProblemAndNeverReachesTheService() {
        EntityExchangeResult<byte[]> result = client.get()
            .uri("/api/v1/schools/33010100101")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
            .expectBody()
            .returnResult();
        assertThat(problem(result)).containsEntry("code", "auth.unauthenticated").containsEntry("status", 401);
        assertThat(backend.findAll(getRequestedFor(urlEqualTo("/api/v1/schools/33010100101")))).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersProxiedRefusedOrOpen() {
        List<EntityExchangeResult<byte[]>> answers = List.of(
                client.get()
                    .uri("/api/v1/schools/33010100101")
                    .headers(h -> h.setBearerAuth(TestTokens.officer("568")))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult(),
                client.get()
                    .uri("/api/v1/schools")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .returnResult(),
                client.get()
                    .uri("/.well-known/jwks.json")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult());
        for (EntityExchangeResult<byte[]> answer : answers) {
            HttpHeaders headers = answer.getResponseHeaders();
            String what = answer.getMethod() + " " + answer.getUrl() + " " + answer.getStatus();
            assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(headers.getFirst("Content-Security-Policy")).as(what)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(headers.getFirst("Strict-Transport-Security")).as(what).startsWith("max-age=31536000");
            assertThat(headers.getFirst("Permissions-Policy")).as(what).contains("camera=()");
        }
    }

    @Test
    void loginRefreshResetAndKeysAreOpen() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/activate",
                "/api/v1/auth/reset-password", "/api/v1/auth/reset-password/confirm", "/api/v1/auth/token",
                "/api/v1/meals/sms", "/api/v1/financial/treasury/callbacks")) {
            client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
        }
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/auth/me").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/auth/login").exchange().expectStatus().isUnauthorized(); // only
                                                                                           // POST
                                                                                           // is
                                                                                           // open
    }

    @Test
    void aValidTokenPassesWithItsHeaderForTheService() {
        String token = TestTokens.officer("568");
        client.get()
            .uri("/api/v1/schools/33010100101")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk();
        assertThat(backend.findAll(getRequestedFor(urlEqualTo("/api/v1/schools/33010100101")))
            .getFirst()
            .getHeader(HttpHeaders.AUTHORIZATION)).as("the service checks the token again")
            .isEqualTo("Bearer " + token);
    }

    @Test
    void badTokensAre401() {
        for (String token : List.of(
                TestTokens.token().subject("a").roles("ADMIN").issuedAgo(Duration.ofMinutes(30)).build(),
                TestTokens.token().subject("a").roles("ADMIN").forged().build(),
                TestTokens.token().subject("a").roles("ADMIN").kid("no-such-key").build(),
                TestTokens.token().subject("a").roles("ADMIN").issuer("https://elsewhere.example").build(),
                TestTokens.token().subject("a").roles("ADMIN").audience("another-app").build(),
                "eyJhbGciOiJub25lIn0." + TestTokens.admin().split("\\.")[1] + ".")) {
            EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/v1/schools")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult();
            assertThat(problem(result)).containsEntry("code", "auth.token-invalid");
        }
    }

    @Test
    void aTokenRevokedAtLogoutIs401AtTheEdge() {
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.token()
            .subject("deo.568")
            .roles("OFFICER")
            .jurisdiction("DISTRICT", "568")
            .jti(jti)
            .build();
        client.get().uri("/api/v1/schools").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        // the token is now kept as verified: the deny-list is still consulted on its next
        // request
        redis.opsForValue().set(TokenChecks.deniedKey(jti), "logout", Duration.ofMinutes(15));
        client.get()
            .uri("/api/v1/schools")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void roleRulesGive403AtTheEdge() {
        EntityExchangeResult<byte[]> result = client.post()
            .uri("/api/v1/financial/allocations/calculate")
            .headers(h -> h.setBearerAuth(TestTokens.school("33010100101")))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"academicYear\":\"2026-27\"}")
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .returnResult();
        assertThat(problem(result)).containsEntry("code", "auth.forbidden");
        client.post()
            .uri("/api/v1/financial/allocations/calculate")
            .headers(h -> h.setBearerAuth(TestTokens.admin()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"academicYear\":\"2026-27\"}")
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void aMachineClientReachesOnlyTheRoutesOfItsScopes() {
        String udise = TestTokens.machine("udise", "schools:import");
        client.post()
            .uri("/api/v1/schools/import")
            .headers(h -> h.setBearerAuth(udise))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("udise_code\n")
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/api/v1/schools")
            .headers(h -> h.setBearerAuth(udise))
            .exchange()
            .expectStatus()
            .isForbidden();
        client.post()
            .uri("/api/v1/schools/import")
            .headers(h -> h.setBearerAuth(TestTokens.machine("treasury", "finance:treasury-callback")))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("udise_code\n")
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void keycloakTokensAreAccepted() {
        String token = TestTokens.sign(realmKey,
                new JWTClaimsSet.Builder().issuer(realmIssuer())
                    .audience(List.of("mdm-twin", "account"))
                    .subject(UUID.randomUUID().toString())
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("preferred_username", "deo.chennai")
                    .claim("realm_access", Map.of("roles", List.of("offline_access", "default-roles-mdm", "OFFICER")))
                    .claim("jurisdiction", Map.of("level", "DISTRICT", "code", "568"))
                    .build());
        client.get().uri("/api/v1/schools").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        client.post()
            .uri("/api/v1/financial/allocations/calculate")
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    /** A realm ADMIN's token signed with a key the realm has not published yet. */
    static String realmAdminToken(String kid) {
        return TestTokens.sign(TestTokens.rsa(kid),
                new JWTClaimsSet.Builder().issuer(realmIssuer())
                    .audience("mdm-twin")
                    .subject(UUID.randomUUID().toString())
                    .jwtID(UUID.randomUUID().toString())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("realm_access", Map.of("roles", List.of("ADMIN")))
                    .build());
    }

    @Test
    void aTokenWhoseKeysCannotBeFetchedIsA503ToRetry() {
        backend.stubFor(get("/realms/mdm/protocol/openid-connect/certs").atPriority(1)
            .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        String token = realmAdminToken("realm-key-not-seen-yet");
        EntityExchangeResult<byte[]> result = client.get()
            .uri("/api/v1/schools")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "5")
            .expectBody()
            .returnResult();
        assertThat(problem(result)).containsEntry("code", "auth.verification-unavailable");
    }

    @Test
    void aKeyServerThatDoesNotAnswerIsA503NotAHang() {
        backend.stubFor(get("/realms/mdm/protocol/openid-connect/certs").atPriority(1)
            .willReturn(aResponse().withFixedDelay(30_000).withBody("{}")));
        String token = realmAdminToken("realm-key-behind-a-slow-server");
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = client.get()
            .uri("/api/v1/schools")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectBody()
            .returnResult();
        assertThat(problem(result)).containsEntry("code", "auth.verification-unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two tries of three seconds, then the answer")
            .isLessThan(Duration.ofSeconds(12));
        assertThat(backend.findAll(getRequestedFor(urlEqualTo("/realms/mdm/protocol/openid-connect/certs"))))
            .as("a timed-out fetch is tried once more")
            .hasSize(2);
    }

    @Test
    void eachUserHasItsOwnRateLimitBucket() {
        String busy = TestTokens.token()
            .subject("busy.officer")
            .roles("OFFICER")
            .jurisdiction("DISTRICT", "568")
            .build();
        String other = TestTokens.token()
            .subject("other.officer")
            .roles("OFFICER")
            .jurisdiction("DISTRICT", "568")
            .build();
        HttpStatus last = null;
        for (int i = 0; i < 10 && last != HttpStatus.TOO_MANY_REQUESTS; i++) {
            last = HttpStatus.valueOf(client.get()
                .uri("/api/v1/ml/models")
                .headers(h -> h.setBearerAuth(busy))
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value());
        }
        assertThat(last).as("burst 2 at 1/s for one user").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        client.get()
            .uri("/api/v1/ml/models")
            .headers(h -> h.setBearerAuth(other))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("X-RateLimit-Remaining");
    }

    private static Map<String, Object> problem(EntityExchangeResult<byte[]> result) {
        return JSON.readValue(result.getResponseBodyContent(), Map.class);
    }

}
