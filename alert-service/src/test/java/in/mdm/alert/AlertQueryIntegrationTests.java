package in.mdm.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class AlertQueryIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void noAlerts() {
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alerts").update();
        // queries and their validation are what these tests are about: they read as a
        // state ADMIN
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
    }

    @Test
    void theMigrationCreatedTheAlertsTableInTheAlertSchema() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'alert' and table_name = 'alerts' order by ordinal_position""")
            .query(String.class)
            .list())
            .startsWith("id", "rule_code", "severity", "status", "title", "message", "scope_level", "scope_code",
                    "udise_code", "source_event_id")
            .contains("raised_at", "acknowledged_at", "resolved_at");
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202611251200'")
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void theOpenAlertsGaugeCountsEveryAlertNotYetResolved() {
        insert("risk.high", "CRITICAL", "OPEN", "SCHOOL", "33020100101", UUID.randomUUID().toString(),
                "2026-11-24T03:15:00Z");
        insert("stock.low", "WARNING", "ACKNOWLEDGED", "SCHOOL", "33020100102", UUID.randomUUID().toString(),
                "2026-11-24T03:16:00Z");
        insert("stock.out", "CRITICAL", "RESOLVED", "SCHOOL", "33020100103", UUID.randomUUID().toString(),
                "2026-11-24T03:17:00Z");

        // the pulse dashboard's "alerts open" (deploy/monitoring); counted once a minute
        // at most, first read here
        assertThat(meters.get("mdm.alerts.open").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void aStoredAlertIsReadBackThroughHttp() {
        String sourceEvent = UUID.randomUUID().toString();
        UUID id = insert("risk.high", "CRITICAL", "OPEN", "SCHOOL", "33020100101", sourceEvent, "2026-11-24T03:15:00Z");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/alerts/" + id, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("id", id.toString())
            .containsEntry("ruleCode", "risk.high")
            .containsEntry("severity", "CRITICAL")
            .containsEntry("status", "OPEN")
            .containsEntry("title", "risk.high at 33020100101")
            .containsEntry("message", "Risk score 82 for tomorrow: rice stock covers one day")
            .containsEntry("scopeLevel", "SCHOOL")
            .containsEntry("scopeCode", "33020100101")
            .containsEntry("udiseCode", "33020100101")
            .containsEntry("sourceEventId", sourceEvent)
            .containsEntry("sourceEventType", "in.mdm.ml.RiskScored.v1")
            .containsEntry("raisedAt", "2026-11-24T03:15:00Z")
            .containsEntry("acknowledgedAt", null)
            .containsEntry("resolvedAt", null);
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByStatusSeverityAndScope() {
        insert("risk.high", "CRITICAL", "OPEN", "SCHOOL", "33020100101", null, "2026-11-24T03:00:00Z");
        insert("stock.low", "WARNING", "OPEN", "SCHOOL", "33020100102", null, "2026-11-24T04:00:00Z");
        insert("delivery.delayed", "WARNING", "ACKNOWLEDGED", "BLOCK", "6301", null, "2026-11-24T05:00:00Z");
        insert("budget.threshold", "INFO", "OPEN", "DISTRICT", "569", null, "2026-11-24T06:00:00Z");
        insert("inspection.overdue", "INFO", "RESOLVED", "SCHOOL", "33020100101", null, "2026-11-24T07:00:00Z");

        Map<String, Object> open = http.getForObject("/api/v1/alerts?status=OPEN&size=2", Map.class);
        assertThat(open).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(rules(open)).containsExactly("budget.threshold", "stock.low");
        assertThat(rules(http.getForObject("/api/v1/alerts?status=OPEN&size=2&page=1", Map.class)))
            .containsExactly("risk.high");

        assertThat(rules(http.getForObject("/api/v1/alerts?severity=WARNING", Map.class)))
            .containsExactly("delivery.delayed", "stock.low");
        assertThat(rules(http.getForObject("/api/v1/alerts?status=OPEN&severity=WARNING", Map.class)))
            .containsExactly("stock.low");
        assertThat(rules(http.getForObject("/api/v1/alerts?udiseCode=33020100101", Map.class)))
            .containsExactly("inspection.overdue", "risk.high");
        assertThat(rules(http.getForObject("/api/v1/alerts?scopeLevel=BLOCK&scopeCode=6301", Map.class)))
            .containsExactly("delivery.delayed");
        assertThat(rules(http.getForObject("/api/v1/alerts?type=stock", Map.class))).containsExactly("stock.low");
        assertThat(rules(http.getForObject("/api/v1/alerts?school=33020100101", Map.class)))
            .containsExactly("inspection.overdue", "risk.high");
        assertThat(rules(http.getForObject("/api/v1/alerts?from=2026-11-24&to=2026-11-24", Map.class))).hasSize(5);
        assertThat(http.getForObject("/api/v1/alerts?from=2026-11-25", Map.class)).containsEntry("total", 0);
        assertThat(http.getForObject("/api/v1/alerts?severity=CRITICAL&status=RESOLVED", Map.class))
            .containsEntry("total", 0);
        assertThat(http.getForObject("/api/v1/alerts", Map.class)).containsEntry("total", 5);
    }

    @Test
    void badParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/alerts?status=CLOSED", "status");
        assertBadParameter("/api/v1/alerts?severity=URGENT", "severity");
        assertBadParameter("/api/v1/alerts?udiseCode=3302", "udiseCode");
        assertBadParameter("/api/v1/alerts?scopeLevel=TALUK", "scopeLevel");
        assertBadParameter("/api/v1/alerts?size=1000", "size");
        assertBadParameter("/api/v1/alerts?district=abc", "district");
        assertBadParameter("/api/v1/alerts?from=yesterday", "from");
        assertBadParameter("/api/v1/alerts?from=2026-11-25&to=2026-11-24", "from");
        assertBadParameter("/api/v1/alerts?type=Risk!", "type");
        assertBadParameter("/api/v1/alerts/42", "id");
    }

    @Test
    void anUnknownAlertIsA404ProblemWithItsCode() {
        UUID unknown = UUID.randomUUID();
        ResponseEntity<Map> response = http.getForEntity("/api/v1/alerts/" + unknown, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "alert.not-found");
        assertThat((String) response.getBody().get("detail")).contains(unknown.toString());
    }

    @Test
    void theSchemaRaisesOneAlertPerSubjectAndSourceEventAndKeepsTheLifecycleConsistent() {
        String sourceEvent = UUID.randomUUID().toString();
        insert("risk.high", "CRITICAL", "RESOLVED", "SCHOOL", "33020100101", sourceEvent, "2026-11-24T03:00:00Z");

        assertThatThrownBy(() -> insert("risk.high", "CRITICAL", "RESOLVED", "SCHOOL", "33020100101", sourceEvent,
                "2026-11-24T03:01:00Z"))
            .isInstanceOf(DuplicateKeyException.class)
            .hasMessageContaining("alerts_source_event_subject_key");
        // one event may alert many subjects (a kitchen's schools)
        insert("risk.high", "CRITICAL", "RESOLVED", "SCHOOL", "33020100102", sourceEvent, "2026-11-24T03:01:00Z");
        insert("risk.high", "CRITICAL", "OPEN", "SCHOOL", "33020100103", null, "2026-11-24T03:02:00Z");
        assertThatThrownBy(() -> insert("risk.high", "CRITICAL", "ACKNOWLEDGED", "SCHOOL", "33020100103", null,
                "2026-11-24T03:03:00Z"))
            .as("a second open alert of one subject and type")
            .isInstanceOf(DuplicateKeyException.class)
            .hasMessageContaining("alerts_one_open");
        assertThatThrownBy(() -> jdbc
            .sql("""
                    insert into alerts (id, rule_code, alert_type, severity, status, title, message, scope_level, scope_code,
                                        raised_at, last_seen_at)
                    values (:id, 'stock.low', 'stock', 'WARNING', 'RESOLVED', 't', 'm', 'DISTRICT', '569', now(), now())""")
            .param("id", UUID.randomUUID())
            .update()).as("resolved without a time")
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("alerts_lifecycle");
        assertThatThrownBy(() -> insert("stock.low", "WARNING", "OPEN", "SCHOOL", "569", null, "2026-11-24T03:00:00Z"))
            .as("a school scope with a district code")
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("alerts_scope");
        assertThatThrownBy(() -> insert("stock.low", "SEVERE", "OPEN", "DISTRICT", "569", null, "2026-11-24T03:00:00Z"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("alerts_severity");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/alerts", "/api/v1/alerts/{id}",
                "MDM Twin alert-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private UUID insert(String rule, String severity, String status, String scopeLevel, String scopeCode,
            String sourceEventId, String raisedAt) {
        UUID id = UUID.randomUUID();
        Timestamp raised = Timestamp.from(Instant.parse(raisedAt));
        jdbc.sql(
                """
                        insert into alerts (id, rule_code, alert_type, subject, severity, status, title, message, scope_level, scope_code, udise_code,
                                            source_event_id, source_event_type, raised_at, last_seen_at, acknowledged_at, acknowledged_by,
                                            resolved_at, resolved_by, resolution)
                        values (:id, :rule, split_part(:rule, '.', 1), :subject, :severity, :status, :title, 'Risk score 82 for tomorrow: rice stock covers one day',
                                :scopeLevel, :scopeCode, :udise, :source, 'in.mdm.ml.RiskScored.v1', :raised, :raised, :ackAt, :ackBy,
                                :resolvedAt, :resolvedBy, :resolution)""")
            .param("id", id)
            .param("rule", rule)
            .param("severity", severity)
            .param("status", status)
            .param("title", rule + " at " + scopeCode)
            .param("subject",
                    "SCHOOL".equals(scopeLevel) ? "school:" + scopeCode : scopeLevel.toLowerCase() + ":" + scopeCode)
            .param("scopeLevel", scopeLevel)
            .param("scopeCode", scopeCode)
            .param("udise", "SCHOOL".equals(scopeLevel) ? scopeCode : null)
            .param("source", sourceEventId)
            .param("raised", raised)
            .param("ackAt", "OPEN".equals(status) ? null : raised)
            .param("ackBy", "OPEN".equals(status) ? null : "beo.alanganallur")
            .param("resolvedAt", "RESOLVED".equals(status) ? raised : null)
            .param("resolvedBy", "RESOLVED".equals(status) ? "beo.alanganallur" : null)
            .param("resolution", "RESOLVED".equals(status) ? "Inspection done on 24 Nov" : null)
            .update();
        return id;
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    private static List<Object> rules(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(a -> a.get("ruleCode")).toList();
    }

}
