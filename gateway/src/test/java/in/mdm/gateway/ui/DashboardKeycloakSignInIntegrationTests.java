package in.mdm.gateway.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the dashboard through a Keycloak realm (WireMock as the realm's
 * endpoints): the authorization-code flow with PKCE (S256), the state checked on the way
 * back, the code exchanged with the verifier for tokens that become the same HttpOnly
 * cookies as auth-service's, refresh and sign-out at the realm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class DashboardKeycloakSignInIntegrationTests {

    static final WireMockServer realm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        realm.start();
    }

    static final String ISSUER = "http://127.0.0.1:" + realm.port() + "/realms/mdm";

    static final String TOKEN_PATH = "/realms/mdm/protocol/openid-connect/token";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> Infrastructure.redis().port());
        TestTokens.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("mdm.security.keycloak.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopRealm() {
        realm.stop();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void resetRealm() {
        realm.resetAll();
    }

    @Test
    void theSignInPageIsToldOfTheRealmAndTheBrowserGoesThereWithAPkceChallenge() throws Exception {
        client.get().uri("/ui/session/options").exchange().expectBody().jsonPath("$.keycloak").isEqualTo(true);

        var start = client.get()
            .uri("/ui/session/keycloak")
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(String.class);
        URI location = start.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(ISSUER + "/protocol/openid-connect/auth?");
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("mdm-web");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("redirect_uri")).isEqualTo(TestTokens.ISSUER + "/ui/session/keycloak/callback");

        ResponseCookie proof = start.getResponseCookies().getFirst("MDM_PKCE");
        assertThat(proof.isHttpOnly()).isTrue();
        assertThat(proof.getSameSite()).as("sent on the way back from the realm's site").isEqualTo("Lax");
        String[] parts = proof.getValue().split("\\.");
        assertThat(query.getFirst("state")).isEqualTo(parts[0]);
        String challenge = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(parts[1].getBytes(StandardCharsets.US_ASCII)));
        assertThat(query.getFirst("code_challenge")).isEqualTo(challenge);
    }

    @Test
    void aCallbackWithAnotherStateExchangesNothingAndSaysSignInFailed() {
        client.get()
            .uri("/ui/session/keycloak/callback?code=c1&state=forged")
            .cookie("MDM_PKCE", "mine.verifier")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/#/sign-in-failed")
            .expectCookie()
            .doesNotExist("MDM_SESSION");
        assertThat(realm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).isEmpty();
    }

    @Test
    void theCodeAndVerifierBecomeTheSessionCookiesWhichRefreshAndSignOutAtTheRealm() {
        String officer = TestTokens.officer("578");
        realm.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=authorization_code"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + officer
                        + "\",\"refresh_token\":\"kr1\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));

        var back = client.get()
            .uri("/ui/session/keycloak/callback?code=c1&state=mine")
            .cookie("MDM_PKCE", "mine.the-verifier")
            .exchange()
            .expectStatus()
            .isFound()
            .expectHeader()
            .location("/")
            .returnResult(String.class);
        realm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("code=c1"))
            .withRequestBody(containing("code_verifier=the-verifier"))
            .withRequestBody(containing("client_id=mdm-web")));
        assertThat(back.getResponseCookies().getFirst("MDM_SESSION").getValue()).isEqualTo(officer);
        assertThat(back.getResponseCookies().getFirst("MDM_SESSION").getSameSite()).isEqualTo("Strict");
        assertThat(back.getResponseCookies().getFirst("MDM_REFRESH").getValue()).isEqualTo("kc.kr1");
        assertThat(back.getResponseCookies().getFirst("MDM_PKCE").getMaxAge().isZero()).as("used once").isTrue();

        realm.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + officer + "\",\"refresh_token\":\"kr2\",\"expires_in\":300}")));
        var refreshed = client.post()
            .uri("/ui/session/refresh")
            .cookie("MDM_REFRESH", "kc.kr1")
            .header("X-MDM-UI", "1")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class);
        realm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=kr1")));
        assertThat(refreshed.getResponseCookies().getFirst("MDM_REFRESH").getValue()).isEqualTo("kc.kr2");

        realm.stubFor(post("/realms/mdm/protocol/openid-connect/logout").willReturn(aResponse().withStatus(204)));
        client.delete()
            .uri("/ui/session")
            .cookie("MDM_SESSION", officer)
            .cookie("MDM_REFRESH", "kc.kr2")
            .header("X-MDM-UI", "1")
            .exchange()
            .expectStatus()
            .isNoContent();
        realm.verify(postRequestedFor(urlEqualTo("/realms/mdm/protocol/openid-connect/logout"))
            .withRequestBody(containing("refresh_token=kr2")));
    }

}
