package in.mdm.platform.testapp;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.testkit.FreePorts;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an issuer's keys cannot be fetched, a token of that issuer is a 503 problem to
 * retry, never a 500.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class KeysUnavailableIntegrationTests {

    static final String UNREACHABLE_ISSUER = "http://127.0.0.1:" + FreePorts.next() + "/realms/mdm";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-keys");
        registry.add("mdm.service.schema", () -> "probe_keys");
        registry.add("mdm.security.keycloak.issuer-uri", () -> UNREACHABLE_ISSUER);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aTokenWhoseKeysCannotBeFetchedIsA503Problem() {
        String token = TestTokens.sign(TestTokens.rsa("kc"),
                new JWTClaimsSet.Builder().issuer(UNREACHABLE_ISSUER)
                    .audience("mdm-twin")
                    .subject(UUID.randomUUID().toString())
                    .jwtID(UUID.randomUUID().toString())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("realm_access", Map.of("roles", List.of("ADMIN")))
                    .build());
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        ResponseEntity<Map> response = http.exchange("/probe/whoami", HttpMethod.GET, new HttpEntity<>(headers),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody()).containsEntry("code", "auth.verification-unavailable");
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        headers.setBearerAuth(TestTokens.admin());
        assertThat(http.exchange("/probe/whoami", HttpMethod.GET, new HttpEntity<>(headers), Map.class).getStatusCode())
            .as("our own issuer still works")
            .isEqualTo(HttpStatus.OK);
    }

}
