package in.mdm.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.util.UriComponentsBuilder;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over HTTP: API calls and recorded changes carry their caller, path
 * template, status and request id; ADMINs search by actor, entity and time, newest first,
 * and verify the chain; everyone else is refused, and a bad parameter is a 400 problem
 * naming it.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class AuditSearchIntegrationTests {

    static final String AUDIT = "/api/v1/probe/audit";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-service");
        registry.add("mdm.service.schema", () -> "probe_audit_search");
        registry.add("mdm.audit.path", () -> AUDIT);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void callsAndChangesAreFoundByActorEntityAndTime() {
        Instant start = Instant.now();
        String officer = TestTokens.officer("568");
        HttpHeaders headers = TestTokens.bearer(officer);
        headers.set("X-Request-Id", "audit-search-1");
        ResponseEntity<Map> renamed = http.exchange("/probe-names/33993300001", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Renamed by the officer"), headers), Map.class);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        http.exchange("/probe-names/33993300002", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Renamed by the admin"), TestTokens.bearer(TestTokens.admin())),
                Map.class);

        List<Map<String, Object>> byOfficer = items(search(Map.of("actor", "deo.568")));
        assertThat(byOfficer).hasSize(2);
        Map<String, Object> call = byOfficer.get(0);
        Map<String, Object> change = byOfficer.get(1);
        assertThat(call).as("newest first: the call is recorded after the change commits")
            .containsEntry("action", "PUT /probe-names/{udiseCode}")
            .containsEntry("method", "PUT")
            .containsEntry("path", "/probe-names/33993300001")
            .containsEntry("status", 200)
            .containsEntry("requestId", "audit-search-1")
            .containsEntry("entityId", "33993300001");
        assertThat(change).containsEntry("action", "probe.rename")
            .containsEntry("entityType", "probe")
            .containsEntry("entityId", "33993300001")
            .containsEntry("requestId", "audit-search-1")
            .containsEntry("before", null);
        assertThat((Map<String, Object>) change.get("after")).containsEntry("name", "Renamed by the officer");
        assertThat((long) ((Number) byOfficer.get(0).get("seq")).longValue())
            .isGreaterThan(((Number) byOfficer.get(1).get("seq")).longValue());

        List<Map<String, Object>> byEntity = items(search(Map.of("entityType", "probe", "entityId", "33993300002")));
        assertThat(byEntity).singleElement().satisfies(row -> assertThat(row).containsEntry("actor", "state.admin"));

        assertThat(items(search(Map.of("actor", "deo.568", "from", start.toString())))).hasSize(2);
        assertThat(items(search(Map.of("actor", "deo.568", "to", start.toString())))).isEmpty();
        assertThat(items(search(Map.of("actor", "deo.568", "from", Instant.now().plusSeconds(60).toString()))))
            .isEmpty();
        assertThat(items(search(Map.of("actor", "nobody")))).isEmpty();

        ResponseEntity<Map> page = search(Map.of("actor", "deo.568", "size", "1", "page", "1"));
        assertThat(page.getBody()).containsEntry("total", 2).containsEntry("page", 1).containsEntry("size", 1);
        assertThat(items(page)).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("action", "probe.rename"));
    }

    @Test
    void theChainVerifiesForAnAdmin() {
        http.exchange("/probe-names/33993300003", HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Verified"), TestTokens.bearer(TestTokens.admin())), Map.class);
        ResponseEntity<Map> verified = http.exchange(AUDIT + "/verify", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), Map.class);
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody()).containsEntry("intact", true).containsEntry("brokenAt", null);
        assertThat(((Number) verified.getBody().get("checked")).longValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAnAdminMaySearchOrVerify() {
        for (String token : List.of(TestTokens.officer("568"), TestTokens.school("33993300001"))) {
            ResponseEntity<Map> refused = http.exchange(AUDIT, HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(token)), Map.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).containsEntry("code", "auth.forbidden");
            assertThat(http
                .exchange(AUDIT + "/verify", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(AUDIT, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreA400NamingThem() {
        ResponseEntity<Map> badFrom = search(Map.of("from", "yesterday"));
        assertThat(badFrom.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFrom.getBody()).containsEntry("code", "request.invalid");
        assertThat((List<Map<String, Object>>) badFrom.getBody().get("errors"))
            .anySatisfy(e -> assertThat(e).containsEntry("field", "from"));

        ResponseEntity<Map> badSize = search(Map.of("size", "100000"));
        assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) badSize.getBody().get("errors"))
            .anySatisfy(e -> assertThat(e).containsEntry("field", "size"));

        Instant now = Instant.now();
        ResponseEntity<Map> backwards = search(Map.of("from", now.toString(), "to", now.minusSeconds(1).toString()));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody()).containsEntry("code", "request.invalid");
    }

    private ResponseEntity<Map> search(Map<String, String> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(AUDIT);
        query.forEach(uri::queryParam);
        return http.exchange(uri.encode().build().toUriString(), HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

}
