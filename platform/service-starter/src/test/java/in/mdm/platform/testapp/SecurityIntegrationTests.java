package in.mdm.platform.testapp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.platform.security.TokenChecks;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's token checks as every service applies them, against a real service on
 * the starter: our tokens, Keycloak-shaped tokens (WireMock serves the realm's JWKS, with
 * an encryption key beside the signing key), and the attacks a forged or stale token
 * makes.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class SecurityIntegrationTests {

    static final WireMockServer keycloak = new WireMockServer(options().dynamicPort());
    static final RSAKey realmKey = TestTokens.rsa("kc-rs256");

    static {
        keycloak.start();
        RSAKey encryption;
        try {
            encryption = new RSAKey.Builder(TestTokens.rsa("kc-enc").toRSAPublicKey()).keyID("kc-enc")
                .keyUse(KeyUse.ENCRYPTION)
                .algorithm(JWEAlgorithm.RSA_OAEP)
                .build();
        }
        catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        String jwks = new JWKSet(List.of(encryption, realmKey.toPublicJWK())).toString();
        keycloak.stubFor(get(urlEqualTo("/realms/mdm/protocol/openid-connect/certs"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-service");
        registry.add("mdm.service.schema", () -> "probe_security");
        registry.add("mdm.security.enabled", () -> "true");
        registry.add("mdm.security.open-paths", () -> "/probe/open");
        registry.add("mdm.security.keycloak.issuer-uri", SecurityIntegrationTests::realmIssuer);
    }

    static String realmIssuer() {
        return keycloak.baseUrl() + "/realms/mdm";
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.stop();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void withoutATokenOnlyOpenPathsAndHealthAnswer() {
        ResponseEntity<Map> refused = call("/probe/whoami", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).containsEntry("code", "auth.unauthenticated").containsEntry("status", 401);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(http.postForEntity("/probe/open", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void ourTokenNamesTheCallerRolesAndJurisdiction() {
        ResponseEntity<Map> me = call("/probe/whoami", TestTokens.officer("568"));
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("username", "deo.568")
            .containsEntry("level", "DISTRICT")
            .containsEntry("code", "568");
        assertThat((List<Object>) me.getBody().get("roles")).containsExactly("OFFICER");
    }

    @Test
    void aRoleThatMayNotCallARouteGets403() {
        ResponseEntity<Map> school = call("/probe/admin", TestTokens.school("33020100101"));
        assertThat(school.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(school.getBody()).containsEntry("code", "auth.forbidden");
        assertThat(call("/probe/admin", TestTokens.admin()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("/probe/treasury", TestTokens.admin()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("/probe/treasury", TestTokens.machine("treasury", "finance:treasury-callback")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anotherJurisdictionsResourceIsNotFound() {
        assertThat(call("/probe/schools/33020100101", TestTokens.officer("568")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(call("/probe/schools/33020100101", TestTokens.blockOfficer("6301")).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> other = call("/probe/schools/33020100101", TestTokens.officer("569"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody()).containsEntry("code", "school.not-found");
        assertThat(call("/probe/schools/33020100101", TestTokens.blockOfficer("6302")).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("/probe/schools/33020100101", TestTokens.school("33020100102")).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void expiredForgedAndMisaddressedTokensAreRefused() {
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").issuedAgo(Duration.ofMinutes(20)).build(),
                "expired");
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").forged().build(), "tampered signature");
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").kid("unknown-kid").build(), "unknown kid");
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").issuer("https://evil.example").build(),
                "wrong issuer");
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").audience("another-app").build(), "wrong audience");
        assertInvalid(TestTokens.token().subject("a").roles("ADMIN").audience(null).build(), "no audience");
        assertInvalid(TestTokens.token()
            .subject("a")
            .roles("ADMIN")
            .lifetime(Duration.ofDays(3650))
            .issuedAgo(Duration.ZERO)
            .build()
            .replaceFirst("\\.[^.]+\\.", ".e30."), "payload swapped for {}");
        assertInvalid("not-a-jwt", "garbage");
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String valid = TestTokens.admin();
        String header = b64("{\"alg\":\"none\",\"kid\":\"test-signing-1\"}");
        assertInvalid(header + "." + valid.split("\\.")[1] + ".", "alg none");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = TestTokens.publicKey().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-signing-1").build(),
                new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
                    .audience("mdm-twin")
                    .subject("mallory")
                    .claim("roles", List.of("ADMIN"))
                    .jwtID(UUID.randomUUID().toString())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build());
        jwt.sign(new MACSigner(publicKey));
        assertInvalid(jwt.serialize(), "HS256 with the public key as secret");
    }

    @Test
    void aTokenDenyListedAtLogoutIsRefused() {
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.token().subject("a").roles("ADMIN").jti(jti).build();
        assertThat(call("/probe/whoami", token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("/probe/whoami", token).getStatusCode()).as("verified once, kept").isEqualTo(HttpStatus.OK);
        // kept as verified: the deny-list is still consulted on the next request
        redis.opsForValue().set(TokenChecks.deniedKey(jti), "logout", Duration.ofMinutes(15));
        assertInvalid(token, "deny-listed jti");
    }

    @Test
    void keycloakTokensAreAcceptedWithRealmRolesAndTheJurisdictionAttribute() {
        String token = TestTokens.sign(realmKey, keycloakClaims(List.of("mdm-twin", "account")).build());
        ResponseEntity<Map> me = call("/probe/whoami", token);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("username", "beo.kattur")
            .containsEntry("level", "BLOCK")
            .containsEntry("code", "6301");
        assertThat((List<Object>) me.getBody().get("roles")).containsExactly("OFFICER");
        assertThat(call("/probe/schools/33020100101", token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("/probe/admin", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void keycloakTokensWithoutOurAudienceOrSignedByOurKeysAreRefused() {
        assertInvalid(TestTokens.sign(realmKey, keycloakClaims(List.of("account")).build()),
                "realm token for another client");
        RSAKey ours = TestTokens.rsa("kc-rs256");
        assertInvalid(TestTokens.sign(ours, keycloakClaims(List.of("mdm-twin")).build()), "realm kid, other key");
    }

    private static JWTClaimsSet.Builder keycloakClaims(List<String> audience) {
        return new JWTClaimsSet.Builder().issuer(realmIssuer())
            .audience(audience)
            .subject("5b8f0c1e-0d5e-4c43-9f43-0a8a4d2f7c11")
            .jwtID(UUID.randomUUID().toString())
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("typ", "Bearer")
            .claim("azp", "mdm-web")
            .claim("preferred_username", "beo.kattur")
            .claim("realm_access",
                    Map.of("roles", List.of("offline_access", "default-roles-mdm", "uma_authorization", "OFFICER")))
            .claim("jurisdiction", "{\"level\":\"BLOCK\",\"code\":\"6301\"}");
    }

    private void assertInvalid(String token, String why) {
        ResponseEntity<Map> refused = call("/probe/whoami", token);
        assertThat(refused.getStatusCode()).as(why).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).as(why).containsEntry("code", "auth.token-invalid");
    }

    @Test
    void longAnswersAreCompressedForClientsThatAskAndShortOnesAreNot() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String token = TestTokens.token().subject("a").roles("ADMIN").build();
        java.net.http.HttpResponse<byte[]> listing = client
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/probe/listing"))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = new String(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(listing.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(json).contains("Government Primary School number 199");
        assertThat(listing.body().length).isLessThan(json.length() / 3);

        java.net.http.HttpResponse<String> small = client
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/probe/whoami"))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(small.body()).contains("\"username\":\"a\"");
    }

    private ResponseEntity<Map> call(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
