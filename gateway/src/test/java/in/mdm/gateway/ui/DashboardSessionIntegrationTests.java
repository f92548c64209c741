package in.mdm.gateway.ui;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at the edge: its pages and libraries served without a token, sign-in
 * through auth-service (WireMock) turned into HttpOnly SameSite=Strict cookies whose
 * token never reaches the page, the cookie turned into the bearer token of API calls, and
 * a state-changing call with the cookie but without the dashboard's header refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class DashboardSessionIntegrationTests {

    static final WireMockServer backend = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        backend.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> Infrastructure.redis().port());
        TestTokens.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        for (String service : List.of("auth-service", "school-service", "alert-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> "http://127.0.0.1:" + backend.port());
        }
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @Autowired
    WebTestClient client;

    final String officer = TestTokens.officer("578");

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void thePagesScriptsAndChartLibraryAreServedWithoutATokenUnderTheContentPolicy() {
        client.get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader()
            .valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
            .expectBody(String.class)
            .value(page -> assertThat(page).contains("/app/main.js").contains("/webjars/echarts/dist/echarts.min.js"));
        for (String path : List.of("/app/main.js", "/app/api.js", "/app/i18n.js", "/app/app.css",
                "/webjars/echarts/dist/echarts.min.js")) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    @Test
    void withoutARealmThePageOffersNoKeycloakSignIn() {
        client.get().uri("/ui/session/options").exchange().expectBody().jsonPath("$.keycloak").isEqualTo(false);
        client.get()
            .uri("/ui/session/keycloak")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void signingInSetsHttpOnlyStrictCookiesAndAnswersNoToken() {
        backend.stubFor(post("/api/v1/auth/login")
            .withRequestBody(
                    equalToJson("{\"username\":\"deo.madurai\",\"password\":\"Sambar-Rice-2026!\"}", true, true))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"" + officer
                        + "\",\"refreshToken\":\"r1\",\"tokenType\":\"Bearer\",\"expiresIn\":900}")));

        var result = client.post()
            .uri("/ui/session")
            .header("X-MDM-UI", "1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"deo.madurai\",\"password\":\"Sambar-Rice-2026!\"}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();

        assertThat(result.getResponseBody()).contains("\"expiresIn\":900").doesNotContain(officer).doesNotContain("r1");
        ResponseCookie access = result.getResponseCookies().getFirst("MDM_SESSION");
        assertThat(access.getValue()).isEqualTo(officer);
        assertThat(access.isHttpOnly()).isTrue();
        assertThat(access.getSameSite()).isEqualTo("Strict");
        assertThat(access.isSecure()).as("plain HTTP in the test").isFalse();
        assertThat(access.getPath()).isEqualTo("/");
        assertThat(access.getMaxAge().toSeconds()).isEqualTo(900);
        ResponseCookie refresh = result.getResponseCookies().getFirst("MDM_REFRESH");
        assertThat(refresh.getValue()).isEqualTo("r1");
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.getPath()).as("sent only to the session endpoints").isEqualTo("/ui/session");
    }

    @Test
    void authServicesRefusalPassesThroughAndBadInputIsA400Problem() {
        backend.stubFor(post("/api/v1/auth/login").willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":401,\"code\":\"auth.otp-required\",\"detail\":\"one-time code needed\"}")));

        client.post()
            .uri("/ui/session")
            .header("X-MDM-UI", "1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"deo.madurai\",\"password\":\"x\"}")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .doesNotExist(HttpHeaders.SET_COOKIE)
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("auth.otp-required");

        client.post()
            .uri("/ui/session")
            .header("X-MDM-UI", "1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"\",\"password\":\"x\"}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutTheDashboardsHeaderSignInAndStateChangingCallsWithTheCookieAreRefused() {
        client.post()
            .uri("/ui/session")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"deo.madurai\",\"password\":\"x\"}")
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("ui.header-missing");

        String id = "7b0c2c5e-3f7e-4a57-9d8c-0d3c2a6f9e11";
        client.post()
            .uri("/api/v1/alerts/" + id + "/acknowledge")
            .cookie("MDM_SESSION", officer)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("ui.header-missing");
        assertThat(backend.findAll(postRequestedFor(urlEqualTo("/api/v1/alerts/" + id + "/acknowledge")))).isEmpty();

        backend.stubFor(post("/api/v1/alerts/" + id + "/acknowledge").willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"status\":\"ACKNOWLEDGED\"}")));
        client.post()
            .uri("/api/v1/alerts/" + id + "/acknowledge")
            .cookie("MDM_SESSION", officer)
            .header("X-MDM-UI", "1")
            .exchange()
            .expectStatus()
            .isOk();
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/alerts/" + id + "/acknowledge"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + officer)));
    }

    @Test
    void theCookieBecomesTheBearerTokenOfAnApiCallAndIsNotPassedOn() {
        backend.stubFor(
                get("/api/v1/schools/33270100201").willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"udiseCode\":\"33270100201\"}")));

        client.get().uri("/api/v1/schools/33270100201").cookie("MDM_SESSION", officer).exchange().expectStatus().isOk();

        LoggedRequest forwarded = backend.findAll(getRequestedFor(urlEqualTo("/api/v1/schools/33270100201")))
            .getFirst();
        assertThat(forwarded.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + officer);
        assertThat(forwarded.containsHeader(HttpHeaders.COOKIE)).isFalse();

        client.get()
            .uri("/api/v1/schools/33270100201")
            .cookie("MDM_SESSION", "not-a-token")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.code")
            .isEqualTo("auth.token-invalid");
    }

    @Test
    void refreshRotatesTheCookiesAndSignOutEndsTheSessionAndClearsThem() {
        backend.stubFor(post("/api/v1/auth/refresh").withRequestBody(equalToJson("{\"refreshToken\":\"r1\"}"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"" + officer
                        + "\",\"refreshToken\":\"r2\",\"tokenType\":\"Bearer\",\"expiresIn\":900}")));
        var refreshed = client.post()
            .uri("/ui/session/refresh")
            .cookie("MDM_REFRESH", "r1")
            .header("X-MDM-UI", "1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
        assertThat(refreshed.getResponseCookies().getFirst("MDM_REFRESH").getValue()).isEqualTo("r2");

        client.post().uri("/ui/session/refresh").header("X-MDM-UI", "1").exchange().expectStatus().isUnauthorized();

        backend.stubFor(post("/api/v1/auth/logout").willReturn(aResponse().withStatus(204)));
        var signedOut = client.delete()
            .uri("/ui/session")
            .cookie("MDM_SESSION", officer)
            .header("X-MDM-UI", "1")
            .exchange()
            .expectStatus()
            .isNoContent()
            .expectBody(String.class)
            .returnResult();
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/auth/logout")).withHeader(HttpHeaders.AUTHORIZATION,
                equalTo("Bearer " + officer)));
        assertThat(signedOut.getResponseCookies().getFirst("MDM_SESSION").getMaxAge().isZero()).isTrue();
        assertThat(signedOut.getResponseCookies().getFirst("MDM_REFRESH").getMaxAge().isZero()).isTrue();
    }

}
