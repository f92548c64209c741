package in.mdm.ml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
class ModelRegistryIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyRegistry() {
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
        jdbc.sql("delete from models").update();
    }

    @Test
    void theMigrationCreatedTheModelRegistryInTheMlSchema() {
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'ml' and table_name = 'models' order by ordinal_position""")
            .query(String.class)
            .list()).containsExactly("name", "version", "algorithm", "metrics", "trained_at", "training_rows",
                    "artifact_uri", "status", "created_at");
        assertThat(jdbc.sql(
                "select data_type from information_schema.columns where table_schema = 'ml' and table_name = 'models' and column_name = 'metrics'")
            .query(String.class)
            .single()).isEqualTo("jsonb");
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202611251100'")
            .query(Boolean.class)
            .single()).isTrue();
    }

    @Test
    void aRegisteredModelIsReadBackWithItsMetrics() {
        insert("school-risk", "2026.11.2", "random-forest", """
                {"accuracy": 0.942, "f1": 0.88, "rocAuc": 0.961}""", "2026-11-22T20:30:00Z", "ACTIVE");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/ml/models/school-risk/2026.11.2", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("name", "school-risk")
            .containsEntry("version", "2026.11.2")
            .containsEntry("algorithm", "random-forest")
            .containsEntry("trainedAt", "2026-11-22T20:30:00Z")
            .containsEntry("trainingRows", 52_000)
            .containsEntry("artifactUri", "models/school-risk/2026.11.2/model.bin")
            .containsEntry("status", "ACTIVE");
        assertThat((Map<String, Object>) response.getBody().get("metrics"))
            .containsExactlyInAnyOrderEntriesOf(Map.of("accuracy", 0.942, "f1", 0.88, "rocAuc", 0.961));
    }

    @Test
    void theListIsPagedNewestVersionFirstAndFilteredByNameAndStatus() {
        insert("school-risk", "2026.10.1", "random-forest", "{\"accuracy\": 0.91}", "2026-10-04T20:30:00Z", "RETIRED");
        insert("school-risk", "2026.11.1", "random-forest", "{\"accuracy\": 0.93}", "2026-11-08T20:30:00Z", "RETIRED");
        insert("school-risk", "2026.11.2", "random-forest", "{\"accuracy\": 0.942}", "2026-11-22T20:30:00Z", "ACTIVE");
        insert("meal-demand", "2026.11.1", "arima-ensemble", "{\"mape\": 0.08}", "2026-11-20T20:30:00Z", "ACTIVE");
        insert("meal-demand", "2026.11.2", "arima-ensemble", "{\"mape\": 0.07}", "2026-11-23T20:30:00Z", "CANDIDATE");

        Map<String, Object> first = http.getForObject("/api/v1/ml/models?name=school-risk&size=2", Map.class);
        assertThat(first).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(versions(first)).containsExactly("school-risk 2026.11.2", "school-risk 2026.11.1");
        assertThat(versions(http.getForObject("/api/v1/ml/models?name=school-risk&size=2&page=1", Map.class)))
            .containsExactly("school-risk 2026.10.1");

        assertThat(versions(http.getForObject("/api/v1/ml/models?status=ACTIVE", Map.class)))
            .containsExactly("meal-demand 2026.11.1", "school-risk 2026.11.2");
        assertThat(versions(http.getForObject("/api/v1/ml/models?name=meal-demand&status=CANDIDATE", Map.class)))
            .containsExactly("meal-demand 2026.11.2");
        assertThat(http.getForObject("/api/v1/ml/models?name=cascade-risk", Map.class)).containsEntry("total", 0);
        assertThat(http.getForObject("/api/v1/ml/models", Map.class)).containsEntry("total", 5);
    }

    @Test
    void badParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/ml/models?name=School%20Risk", "name");
        assertBadParameter("/api/v1/ml/models?status=LIVE", "status");
        assertBadParameter("/api/v1/ml/models?size=0", "size");
        assertBadParameter("/api/v1/ml/models/school-risk/v1,final", "version");
        assertBadParameter("/api/v1/ml/models/SCHOOL_RISK/1", "name");
    }

    @Test
    void anUnknownVersionIsA404ProblemWithItsCode() {
        insert("school-risk", "2026.11.2", "random-forest", "{}", "2026-11-22T20:30:00Z", "ACTIVE");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/ml/models/school-risk/2026.11.3", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "ml.model.not-found");
        assertThat((String) response.getBody().get("detail")).contains("school-risk", "2026.11.3");
    }

    @Test
    void theSchemaKeepsOneActiveVersionPerModelAndNumericMetrics() {
        insert("school-risk", "2026.11.2", "random-forest", "{}", "2026-11-22T20:30:00Z", "ACTIVE");

        assertThatThrownBy(
                () -> insert("school-risk", "2026.11.3", "random-forest", "{}", "2026-11-23T20:30:00Z", "ACTIVE"))
            .isInstanceOf(DuplicateKeyException.class)
            .hasMessageContaining("models_one_active_per_name");
        insert("school-risk", "2026.11.3", "random-forest", "{}", "2026-11-23T20:30:00Z", "CANDIDATE");
        assertThatThrownBy(
                () -> insert("school-risk", "2026.11.3", "random-forest", "{}", "2026-11-23T20:30:00Z", "CANDIDATE"))
            .isInstanceOf(DuplicateKeyException.class)
            .hasMessageContaining("models_pkey");
        assertThatThrownBy(
                () -> insert("meal-demand", "1", "arima", "{\"mape\": \"low\"}", "2026-11-23T20:30:00Z", "CANDIDATE"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("models_metrics_are_numbers");
        assertThatThrownBy(() -> insert("meal-demand", "1", "arima", "[0.1]", "2026-11-23T20:30:00Z", "CANDIDATE"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("models_metrics_are_numbers");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/ml/models",
                "/api/v1/ml/models/{name}/{version}", "MDM Twin ml-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private void insert(String name, String version, String algorithm, String metrics, String trainedAt,
            String status) {
        jdbc.sql("""
                insert into models (name, version, algorithm, metrics, trained_at, training_rows, artifact_uri, status)
                values (:name, :version, :algorithm, cast(:metrics as jsonb), :trainedAt, 52000, :artifact, :status)""")
            .param("name", name)
            .param("version", version)
            .param("algorithm", algorithm)
            .param("metrics", metrics)
            .param("trainedAt", java.sql.Timestamp.from(Instant.parse(trainedAt)))
            .param("artifact", "models/" + name + "/" + version + "/model.bin")
            .param("status", status)
            .update();
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    @Test
    void withoutAValidTokenNothingIsReadAndEveryRoleReads() {
        http.getRestTemplate().setInterceptors(List.of()); // no default token for this
                                                           // test
        ProblemAssertions.assertTokenRequired(token -> http.exchange("/api/v1/ml/models", HttpMethod.GET,
                new HttpEntity<>(token == null ? new HttpHeaders() : TestTokens.bearer(token)), Map.class));
        assertThat(http
            .exchange("/api/v1/ml/models", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.school("33020100101"))), Map.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static List<String> versions(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
            .map(m -> m.get("name") + " " + m.get("version"))
            .toList();
    }

}
