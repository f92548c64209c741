package in.mdm.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.LinkedMultiValueMap;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.CallerClaims;
import in.mdm.platform.security.Role;
import in.mdm.platform.security.servlet.IssuerRoutingJwtDecoder;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens auth-service issues, checked the way every other service checks them: the
 * platform's decoder fetching this service's JWKS over HTTP, then the platform's reading
 * of the caller.
 */
@AuthIntegrationTest
class PlatformContractIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;

    JwtDecoder otherService;

    final CallerClaims claims = new CallerClaims("33");

    @BeforeEach
    void setUp() {
        api = new Api(http, jdbc);
        otherService = IssuerRoutingJwtDecoder.forIssuer(TestTokens.ISSUER, "mdm-twin",
                "http://localhost:" + port + "/.well-known/jwks.json");
    }

    @Test
    void aPersonsTokenNamesItsRoleAndJurisdictionToOtherServices() {
        String block = Api.code(4);
        Api.TestUser officer = api.user("OFFICER", "BLOCK", block, "568", block);

        Jwt jwt = otherService.decode(api.token(officer));
        Caller caller = claims.caller(jwt);

        assertThat(caller.username()).isEqualTo(officer.username());
        assertThat(caller.roles()).containsExactly(Role.OFFICER);
        assertThat(caller.jurisdiction()).isEqualTo(Jurisdiction.block(block));
        assertThat(caller.isMachine()).isFalse();
        assertThat(caller.covers("568", block, "33020100101")).isTrue();
        assertThat(caller.covers("568", "1", "33020100101")).isFalse();
        assertThat(caller.tokenId()).isEqualTo(jwt.getId());
    }

    @Test
    void aMachineTokenHasScopesAndNoRole() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setBasicAuth(Base64.getEncoder()
            .encodeToString(("treasury:" + Api.TREASURY_SECRET).getBytes(StandardCharsets.UTF_8)));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        Map<String, Object> token = http.postForObject("/api/v1/auth/token", new HttpEntity<>(form, headers),
                Map.class);

        Caller caller = claims.caller(otherService.decode((String) token.get("access_token")));

        assertThat(caller.isMachine()).isTrue();
        assertThat(caller.hasScope("finance:treasury-callback")).isTrue();
        assertThat(caller.jurisdiction()).isEqualTo(Jurisdiction.state("33"));
        assertThat(CallerClaims.authorities(caller)).extracting(Object::toString)
            .containsExactly("SCOPE_finance:treasury-callback");
    }

}
