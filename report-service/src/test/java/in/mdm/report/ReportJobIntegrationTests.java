package in.mdm.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;
import in.mdm.testkit.ProblemAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
// the jobs stay as these tests put them: no worker takes them
@TestPropertySource(properties = "mdm.report.worker=false")
class ReportJobIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noJobs() {
        jdbc.sql("delete from report_jobs").update();
        // jobs, their validation and constraints are what these tests are about: they act
        // as a state ADMIN
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
    }

    @Test
    void theMigrationCreatedTheReportJobsTableInTheReportSchema() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'report' and table_name = 'report_jobs' order by ordinal_position""")
            .query(String.class)
            .list()).containsExactly("id", "report_type", "format", "scope_level", "scope_code", "period_from",
                    "period_to", "status", "requested_by", "requested_at", "started_at", "completed_at", "file_path",
                    "failure_reason", "period_kind", "language", "columns", "progress", "media_type", "file_name",
                    "attempts", "heartbeat_at", "schedule_id", "recipients");
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202611251400'")
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void aStoredJobIsReadBackThroughHttpWithoutItsFilePath() {
        UUID id = insert("FINANCIAL_UTILIZATION", "XLSX", "READY", "deo.madurai", "2026-11-02T06:00:00Z");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/reports/" + id, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("id", id.toString())
            .containsEntry("reportType", "FINANCIAL_UTILIZATION")
            .containsEntry("format", "XLSX")
            .containsEntry("scopeLevel", "DISTRICT")
            .containsEntry("scopeCode", "569")
            .containsEntry("periodFrom", "2026-10-01")
            .containsEntry("periodTo", "2026-10-31")
            .containsEntry("status", "READY")
            .containsEntry("requestedBy", "deo.madurai")
            .containsEntry("requestedAt", "2026-11-02T06:00:00Z")
            .containsEntry("startedAt", "2026-11-02T06:01:00Z")
            .containsEntry("completedAt", "2026-11-02T06:02:00Z");
        assertThat(response.getBody().toString()).doesNotContain("/var/mdm");
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByStatusTypeAndRequester() {
        insert("PERFORMANCE", "PDF", "READY", "deo.madurai", "2026-11-01T06:00:00Z");
        insert("FINANCIAL_UTILIZATION", "XLSX", "FAILED", "deo.madurai", "2026-11-02T06:00:00Z");
        insert("RISK_ASSESSMENT", "CSV", "QUEUED", "state.admin", "2026-11-03T06:00:00Z");
        insert("PERFORMANCE", "CSV", "RUNNING", "state.admin", "2026-11-04T06:00:00Z");

        Map<String, Object> first = http.getForObject("/api/v1/reports?size=3", Map.class);
        assertThat(first).containsEntry("total", 4).containsEntry("page", 0).containsEntry("size", 3);
        assertThat(types(first)).containsExactly("PERFORMANCE/RUNNING", "RISK_ASSESSMENT/QUEUED",
                "FINANCIAL_UTILIZATION/FAILED");
        assertThat(types(http.getForObject("/api/v1/reports?size=3&page=1", Map.class)))
            .containsExactly("PERFORMANCE/READY");

        assertThat(types(http.getForObject("/api/v1/reports?reportType=PERFORMANCE", Map.class)))
            .containsExactly("PERFORMANCE/RUNNING", "PERFORMANCE/READY");
        assertThat(types(http.getForObject("/api/v1/reports?requestedBy=deo.madurai", Map.class)))
            .containsExactly("FINANCIAL_UTILIZATION/FAILED", "PERFORMANCE/READY");
        assertThat(types(http.getForObject("/api/v1/reports?status=QUEUED&requestedBy=state.admin", Map.class)))
            .containsExactly("RISK_ASSESSMENT/QUEUED");
        assertThat(http.getForObject("/api/v1/reports?reportType=COMPLIANCE", Map.class)).containsEntry("total", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequestedReportIsQueued() {
        ResponseEntity<Map> created = post("""
                {"reportType":"COMPLIANCE","format":"PDF","scopeLevel":"BLOCK","scopeCode":"6301",
                 "periodFrom":"2026-11-01","periodTo":"2026-11-23"}""");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/reports/" + id);
        assertThat(created.getBody()).containsEntry("status", "QUEUED").containsEntry("startedAt", null);
        assertThat(jdbc.sql(
                "select scope_level || ':' || scope_code || ' ' || period_from || '..' || period_to from report_jobs where id = cast(:id as uuid)")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("BLOCK:6301 2026-11-01..2026-11-23");
        assertThat(http.getForObject("/api/v1/reports/" + id, Map.class)).as("the requester is the caller of the token")
            .containsEntry("requestedBy", "state.admin");
        Map<String, Object> trail = http
            .getForObject("/api/v1/reports/audit?entityType=report&action=report.request&entityId=" + id, Map.class);
        assertThat((List<Map<String, Object>>) trail.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "state.admin").containsEntry("before", null);
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("status", "QUEUED")
                .containsEntry("scopeCode", "6301");
        });
    }

    @Test
    void badReportRequestsAreA400NamingTheBadFields() {
        ResponseEntity<Map> invalid = post("""
                {"reportType":"COMPLIANCE","format":"DOCX","scopeLevel":"BLOCK","scopeCode":"6301",
                 "periodFrom":"2026-11-01","periodTo":"2026-11-23"}""");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) invalid.getBody().get("detail")).contains("format");

        ResponseEntity<Map> missing = post("""
                {"reportType":"COMPLIANCE","format":"PDF","scopeLevel":"BLOCK","scopeCode":"61x",
                 "periodFrom":"2026-11-01"}""");
        assertThat((List<Map<String, Object>>) missing.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly("periodTo", "scopeCode");

        assertBadRequest(post("""
                {"reportType":"PERFORMANCE","format":"PDF","scopeLevel":"DISTRICT","scopeCode":"569",
                 "periodFrom":"2026-11-30","periodTo":"2026-11-01"}"""), "report.invalid-period", "periodTo");
        assertBadRequest(post("""
                {"reportType":"PERFORMANCE","format":"PDF","scopeLevel":"DISTRICT","scopeCode":"569",
                 "periodFrom":"2025-06-01","periodTo":"2026-11-01"}"""), "report.invalid-period", "periodTo");
        assertBadRequest(post("""
                {"reportType":"PERFORMANCE","format":"PDF","scopeLevel":"SCHOOL","scopeCode":"569",
                 "periodFrom":"2026-11-01","periodTo":"2026-11-02"}"""), "report.invalid-scope", "scopeCode");
        assertThat(jdbc.sql("select count(*) from report_jobs").query(Long.class).single()).isZero();
    }

    @Test
    void anAcademicYearIsTheLongestPeriodAccepted() {
        assertThat(post("""
                {"reportType":"COMPLIANCE","format":"CSV","scopeLevel":"STATE","scopeCode":"33",
                 "periodFrom":"2025-06-01","periodTo":"2026-05-31"}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("""
                {"reportType":"COMPLIANCE","format":"CSV","scopeLevel":"STATE","scopeCode":"33",
                 "periodFrom":"2025-06-01","periodTo":"2026-06-02"}""").getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badQueryParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/reports?status=DONE", "status");
        assertBadParameter("/api/v1/reports?reportType=WEEKLY", "reportType");
        assertBadParameter("/api/v1/reports?requestedBy=X", "requestedBy");
        assertBadParameter("/api/v1/reports?size=0", "size");
        assertBadParameter("/api/v1/reports/report-1", "id");
    }

    @Test
    void anUnknownReportIsA404ProblemWithItsCode() {
        ResponseEntity<Map> response = http.getForEntity("/api/v1/reports/" + UUID.randomUUID(), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "report.not-found");
    }

    @Test
    void theSchemaRefusesAReadyJobWithoutAFile() {
        assertThatThrownBy(() -> jdbc
            .sql("""
                    insert into report_jobs (id, report_type, format, scope_level, scope_code, period_from, period_to, status,
                                             requested_by, started_at, completed_at)
                    values (:id, 'PERFORMANCE', 'PDF', 'STATE', '33', date '2026-10-01', date '2026-10-31', 'READY',
                            'state.admin', now(), now())""")
            .param("id", UUID.randomUUID())
            .update()).isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("report_jobs_lifecycle");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/reports", "/api/v1/reports/{id}",
                "MDM Twin report-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private UUID insert(String type, String format, String status, String requestedBy, String requestedAt) {
        UUID id = UUID.randomUUID();
        Instant requested = Instant.parse(requestedAt);
        boolean started = !"QUEUED".equals(status);
        boolean completed = "READY".equals(status) || "FAILED".equals(status);
        jdbc.sql(
                """
                        insert into report_jobs (id, report_type, format, scope_level, scope_code, period_from, period_to, status,
                                                 requested_by, requested_at, started_at, completed_at, file_path, failure_reason)
                        values (:id, :type, :format, 'DISTRICT', '569', :from, :to, :status, :requestedBy, :requestedAt,
                                :startedAt, :completedAt, :file, :failure)""")
            .param("id", id)
            .param("type", type)
            .param("format", format)
            .param("from", LocalDate.parse("2026-10-01"))
            .param("to", LocalDate.parse("2026-10-31"))
            .param("status", status)
            .param("requestedBy", requestedBy)
            .param("requestedAt", Timestamp.from(requested))
            .param("startedAt", started ? Timestamp.from(requested.plusSeconds(60)) : null)
            .param("completedAt", completed ? Timestamp.from(requested.plusSeconds(120)) : null)
            .param("file", "READY".equals(status) ? "/var/mdm/reports/" + id + "." + format.toLowerCase() : null)
            .param("failure", "FAILED".equals(status) ? "Utilisation data for October is incomplete" : null)
            .update();
        return id;
    }

    private ResponseEntity<Map> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/reports", new HttpEntity<>(json, headers), Map.class);
    }

    private static void assertBadRequest(ResponseEntity<Map> response, String code, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", code);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly(field);
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    private static List<String> types(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
            .map(j -> j.get("reportType") + "/" + j.get("status"))
            .toList();
    }

}
