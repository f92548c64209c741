package in.mdm.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens an attacker could make or keep are refused with 401 {@code auth.token-invalid};
 * key rotation keeps issued tokens valid.
 */
@AuthIntegrationTest
class TokenAttackIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    in.mdm.auth.token.SecretBox box;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, jdbc);
    }

    /** Claims of a valid ADMIN token of ours, to be tampered with. */
    private JWTClaimsSet.Builder adminClaims(Api.TestUser admin) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
            .audience("mdm-twin")
            .subject(admin.username())
            .claim("uid", admin.id().toString())
            .claim("preferred_username", admin.username())
            .claim("roles", List.of("ADMIN"))
            .claim("jurisdiction", Map.of("level", "STATE", "code", "33"))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(900)));
    }

    private void assertRefused(String token) {
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", token), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users", token), HttpStatus.UNAUTHORIZED,
                "auth.token-invalid");
    }

    private RSAKey currentPublicKey() throws Exception {
        JWKSet set = JWKSet.parse(http.getForObject("/.well-known/jwks.json", String.class));
        String kid = jdbc.sql("select kid from signing_keys where retired_at is null").query(String.class).single();
        return set.getKeyByKeyId(kid).toRSAKey();
    }

    @Test
    void aRealTokenWorksAndTamperedOnesDoNot() throws Exception {
        Api.TestUser admin = api.admin();
        String good = api.token(admin);
        assertThat(api.get("/api/v1/auth/me", good).getStatusCode()).isEqualTo(HttpStatus.OK);

        // payload changed (a school user making itself ADMIN), signature kept
        Api.TestUser school = api.school(Api.code(11), "568", "6301");
        String schoolToken = api.token(school);
        String[] parts = schoolToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"SCHOOL\"]", "\"ADMIN\"]");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertRefused(tampered);

        // signature bytes changed
        char last = parts[2].charAt(10);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11));
        // signature removed
        assertRefused(parts[0] + "." + parts[1] + ".");
        // garbage
        assertRefused("not-a-token");
    }

    @Test
    void algNoneIsRefused() {
        Api.TestUser admin = api.admin();
        assertRefused(new PlainJWT(adminClaims(admin).build()).serialize());
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        Api.TestUser admin = api.admin();
        RSAKey published = currentPublicKey();
        byte[] secret = published.toPublicKey().getEncoded();
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                adminClaims(admin).build());
        confused.sign(new MACSigner(secret));
        assertRefused(confused.serialize());

        // the same with the JWK's JSON as the secret
        SignedJWT confused2 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                adminClaims(admin).build());
        confused2.sign(new MACSigner(published.toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(confused2.serialize());
    }

    @Test
    void aKeyWeDoNotHaveAndAnUnknownKidAreRefused() {
        Api.TestUser admin = api.admin();
        // another key under our current kid
        String kid = jdbc.sql("select kid from signing_keys where retired_at is null").query(String.class).single();
        RSAKey stranger = TestTokens.rsa(kid);
        assertRefused(TestTokens.sign(stranger, adminClaims(admin).build()));
        // a kid nobody published
        assertRefused(TestTokens.sign(TestTokens.rsa("mdm-19700101-deadbeef"), adminClaims(admin).build()));
        // the test kit's issuer is trusted by other services' tests, not by
        // auth-service's own key store
        assertRefused(TestTokens.admin());
    }

    @Test
    void expiredWrongIssuerAndWrongAudienceTokensAreRefusedEvenWithOurSignature() throws Exception {
        Api.TestUser admin = api.admin();
        String stored = jdbc.sql("select jwk from signing_keys where retired_at is null").query(String.class).single();
        assertThat(stored).as("the private key is sealed in the database").startsWith("v1:").doesNotContain("\"d\"");
        RSAKey key = RSAKey.parse(box.open(stored));
        Instant now = Instant.now();

        assertThat(api.get("/api/v1/auth/me", TestTokens.sign(key, adminClaims(admin).build())).getStatusCode())
            .as("a token signed with our key and valid claims")
            .isEqualTo(HttpStatus.OK);
        assertRefused(TestTokens.sign(key,
                adminClaims(admin).issueTime(Date.from(now.minusSeconds(2000)))
                    .expirationTime(Date.from(now.minusSeconds(1100)))
                    .build()));
        assertRefused(TestTokens.sign(key, adminClaims(admin).issuer("https://evil.example").build()));
        assertRefused(TestTokens.sign(key, adminClaims(admin).audience("another-app").build()));
        assertRefused(TestTokens.sign(key, adminClaims(admin).audience((String) null).build()));
        assertRefused(TestTokens.sign(key, adminClaims(admin).expirationTime(null).build()));
    }

    @Test
    void noTokenIsA401AndAnOpenPathNeedsNone() {
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", null), HttpStatus.UNAUTHORIZED,
                "auth.unauthenticated");
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users", null), HttpStatus.UNAUTHORIZED,
                "auth.unauthenticated");
        assertThat(http.getForEntity("/.well-known/jwks.json", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/.well-known/openid-configuration", Map.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void rotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        Api.TestUser admin = api.admin();
        String before = api.token(admin);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        var rotated = api.post("/api/v1/auth/keys/rotate", "", before);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String newKid = (String) rotated.getBody().get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet published = JWKSet.parse(http.getForObject("/.well-known/jwks.json", String.class));
        assertThat(published.getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
        assertThat(published.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        String after = api.token(admin);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(SignedJWT.parse(after)
            .verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published.getKeyByKeyId(newKid).toRSAKey()))).isTrue();
        assertThat(api.get("/api/v1/auth/me", before).getStatusCode()).as("token of the old key")
            .isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/v1/auth/me", after).getStatusCode()).as("token of the new key")
            .isEqualTo(HttpStatus.OK);

        List<Map<String, Object>> keys = http
            .exchange("/api/v1/auth/keys", org.springframework.http.HttpMethod.GET,
                    new org.springframework.http.HttpEntity<>(Api.headers(after)), List.class)
            .getBody();
        assertThat(keys).anySatisfy(k -> assertThat(k).containsEntry("kid", newKid).containsEntry("current", true));
        assertThat(keys).anySatisfy(k -> assertThat(k).containsEntry("kid", oldKid).containsEntry("current", false));
        assertThat(keys.toString()).doesNotContain("\"d\"");
        assertThat(jdbc.sql("select count(*) from signing_keys where retired_at is null").query(Long.class).single())
            .isEqualTo(1);
        assertThat(
                jdbc.sql("select count(*) from audit_events where action = 'SIGNING_KEY_ROTATED' and detail like :kid")
                    .param("kid", "%" + newKid)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);

        // once every token the old key signed has expired (retired 20 minutes ago), it is
        // neither published nor accepted
        jdbc.sql("update signing_keys set retired_at = now() - interval '20 minutes' where kid = :kid")
            .param("kid", oldKid)
            .update();
        http.exchange("/api/v1/auth/keys", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(Api.headers(after)), List.class); // re-reads
                                                                                            // the
                                                                                            // keys
        assertThat(JWKSet.parse(http.getForObject("/.well-known/jwks.json", String.class)).getKeyByKeyId(oldKid))
            .isNull();
        assertRefused(before);
    }

    @Test
    void keycloakTokensOfTheConfiguredRealmAreAcceptedWithTheSameChecks() {
        String keycloakAdmin = TestTokens.token()
            .issuer(Api.KEYCLOAK_ISSUER)
            .subject("kc.state.admin")
            .claim("realm_access", Map.of("roles", List.of("mdm-admin", "offline_access")))
            .claim("jurisdiction", "{\"level\":\"STATE\",\"code\":\"33\"}")
            .build();
        assertThat(api.get("/api/v1/auth/users?size=1", keycloakAdmin).getStatusCode()).isEqualTo(HttpStatus.OK);

        String keycloakSchool = TestTokens.token()
            .issuer(Api.KEYCLOAK_ISSUER)
            .subject("kc.hm")
            .roles("SCHOOL")
            .jurisdiction("SCHOOL", "33020100101")
            .build();
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/users", keycloakSchool), HttpStatus.FORBIDDEN,
                "auth.forbidden");
        // the realm's user has no account here
        ProblemAssertions.assertProblem(api.get("/api/v1/auth/me", keycloakSchool), HttpStatus.NOT_FOUND,
                "auth.user.not-found");

        assertRefused(TestTokens.token()
            .issuer(Api.KEYCLOAK_ISSUER)
            .subject("kc.state.admin")
            .roles("ADMIN")
            .audience("account")
            .build());
        assertRefused(TestTokens.token()
            .issuer(Api.KEYCLOAK_ISSUER)
            .subject("kc.state.admin")
            .roles("ADMIN")
            .forged()
            .build());
        assertRefused(TestTokens.token()
            .issuer(Api.KEYCLOAK_ISSUER)
            .subject("kc.state.admin")
            .roles("ADMIN")
            .issuedAgo(java.time.Duration.ofMinutes(20))
            .build());
    }

    @Test
    void onlyAnAdminRotatesKeys() {
        Api.TestUser officer = api.districtOfficer(Api.code(3));
        ProblemAssertions.assertProblem(api.post("/api/v1/auth/keys/rotate", "", api.token(officer)),
                HttpStatus.FORBIDDEN, "auth.forbidden");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndKeys() {
        Map<String, Object> discovery = http.getForObject("/.well-known/openid-configuration", Map.class);
        assertThat(discovery).containsEntry("issuer", TestTokens.ISSUER)
            .containsEntry("jwks_uri", TestTokens.ISSUER + "/.well-known/jwks.json")
            .containsEntry("token_endpoint", TestTokens.ISSUER + "/api/v1/auth/token")
            .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"));
    }

}
