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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The edge's decoder for one issuer against a key server (WireMock): tokens with made-up
 * key ids do not make it fetch the keys once each; a key put in use is found after the
 * interval.
 */
class KeySetThrottleTests {

    static final String ISSUER = "https://realm.mdm-twin.test/realms/mdm";

    static final String CERTS = "/realms/mdm/protocol/openid-connect/certs";

    final WireMockServer keyServer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static final RSAKey current = TestTokens.rsa("current");

    /** A key the issuer does not have, under any key id (making keys is slow). */
    static final RSAKey stranger = TestTokens.rsa("stranger");

    static RSAKey madeUp(int i) {
        return new RSAKey.Builder(stranger).keyID("made-up-" + i).build();
    }

    @BeforeEach
    void start() {
        keyServer.start();
        keys(current);
    }

    @AfterEach
    void stop() {
        keyServer.stop();
    }

    void keys(RSAKey... keys) {
        keyServer.stubFor(get(CERTS).willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(new JWKSet(
                    java.util.Arrays.stream(keys).map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                .toString())));
    }

    ReactiveJwtDecoder decoder(Duration interval) {
        return EdgeJwtDecoder.forIssuer(ISSUER, "mdm-twin", "http://127.0.0.1:" + keyServer.port() + CERTS, interval);
    }

    static String token(RSAKey key) {
        return TestTokens.sign(key,
                new JWTClaimsSet.Builder().issuer(ISSUER)
                    .audience("mdm-twin")
                    .subject(UUID.randomUUID().toString())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("realm_access", Map.of("roles", List.of("OFFICER")))
                    .build());
    }

    int fetches() {
        return keyServer.findAll(getRequestedFor(urlEqualTo(CERTS))).size();
    }

    @Test
    void madeUpKeyIdsFetchTheKeysOncePerInterval() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(1));
        Jwt valid = decoder.decode(token(current)).block(Duration.ofSeconds(10));
        assertThat(valid.getIssuer().toString()).isEqualTo(ISSUER);
        for (int i = 0; i < 25; i++) {
            String forged = token(madeUp(i));
            assertThatThrownBy(() -> decoder.decode(forged).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
        }
        assertThat(fetches()).as("26 tokens, 25 of them with key ids the issuer does not have").isEqualTo(1);
        assertThat(decoder.decode(token(current)).block(Duration.ofSeconds(10))).isNotNull();
    }

    @Test
    void withoutTheThrottleEveryMadeUpKeyIdIsAFetch() {
        ReactiveJwtDecoder decoder = decoder(Duration.ZERO);
        decoder.decode(token(current)).block(Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            String forged = token(madeUp(i));
            assertThatThrownBy(() -> decoder.decode(forged).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
        }
        assertThat(fetches()).as("what the throttle saves").isEqualTo(6);
    }

    @Test
    void aKeyPutInUseIsFoundAfterTheInterval() throws InterruptedException {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMillis(800));
        decoder.decode(token(current)).block(Duration.ofSeconds(10));
        RSAKey next = TestTokens.rsa("next");
        keys(current, next);
        Thread.sleep(1_000);
        Jwt signedWithTheNewKey = decoder.decode(token(next)).block(Duration.ofSeconds(10));
        assertThat(signedWithTheNewKey).isNotNull();
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void aFailedFetchIsNotKept() {
        keyServer.stubFor(get(CERTS).atPriority(1)
            .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(1));
        assertThatThrownBy(() -> decoder.decode(token(current)).block(Duration.ofSeconds(10)))
            .as("the keys could not be fetched")
            .isNotInstanceOf(BadJwtException.class);
        keyServer.resetAll();
        keys(current);
        assertThat(decoder.decode(token(current)).block(Duration.ofSeconds(10))).isNotNull();
        assertThat(fetches()).as("the key server was asked again at once").isEqualTo(1);
    }

}
