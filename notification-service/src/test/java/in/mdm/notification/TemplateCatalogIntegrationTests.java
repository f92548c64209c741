package in.mdm.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogIntegrationTests extends NotificationIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void asStateAdmin() {
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
    }

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTestTemplates() {
        jdbc.sql("delete from notification_templates where code like 'test.%'").update();
    }

    @Test
    void theMigrationSeedsEveryTemplateInEnglishAndTamilWithTheSamePlaceholders() {
        Map<String, Object> all = http.getForObject("/api/v1/notifications/templates?size=500", Map.class);
        List<Map<String, Object>> items = items(all);
        assertThat(all).containsEntry("total", items.size());
        assertThat(items).hasSize(32);

        Map<String, List<Map<String, Object>>> byCodeAndChannel = items.stream()
            .collect(Collectors.groupingBy(t -> t.get("code") + "/" + t.get("channel"), LinkedHashMap::new,
                    Collectors.toList()));
        assertThat(byCodeAndChannel.keySet()).containsExactly("admin.broadcast/EMAIL", "admin.broadcast/SMS",
                "admin.broadcast/IN_APP", "alert.escalated/EMAIL", "alert.escalated/SMS", "alert.escalated/IN_APP",
                "alert.raised/EMAIL", "alert.raised/SMS", "alert.raised/IN_APP", "fund.released/EMAIL",
                "fund.released/IN_APP", "report.ready/EMAIL", "report.ready/IN_APP", "user.activation/EMAIL",
                "user.digest/EMAIL", "user.password-reset/EMAIL");
        byCodeAndChannel.forEach((key, variants) -> {
            assertThat(variants).as(key).extracting(t -> t.get("language")).containsExactly("en", "ta");
            assertThat(variants.get(1).get("placeholders")).as(key + " placeholders in Tamil and English")
                .isEqualTo(variants.get(0).get("placeholders"));
            assertThat((String) variants.get(1).get("body")).as(key + " Tamil body")
                .containsPattern("[\\u0B80-\\u0BFF]");
        });
        assertThat(byCodeAndChannel.get("user.activation/EMAIL").get(0).get("placeholders"))
            .isEqualTo(List.of("activationLink", "displayName", "expiresAt", "username"));
        assertThat(byCodeAndChannel.get("alert.raised/SMS")).allSatisfy(t -> assertThat(t.get("subject")).isNull());
    }

    @Test
    void aStoredTemplateIsReadBackWithAllItsVariants() {
        insert("test.inspection-due", "EMAIL", "en", "Inspection due at {{schoolName}}",
                "Visit {{schoolName}} by {{dueDate}}.");
        insert("test.inspection-due", "SMS", "ta", null, "{{schoolName}} ஆய்வு {{dueDate}}-க்குள்.");

        ResponseEntity<Map> response = http.getForEntity("/api/v1/notifications/templates/test.inspection-due",
                Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("code", "test.inspection-due");
        List<Map<String, Object>> variants = (List<Map<String, Object>>) response.getBody().get("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0)).containsEntry("channel", "EMAIL")
            .containsEntry("language", "en")
            .containsEntry("subject", "Inspection due at {{schoolName}}")
            .containsEntry("body", "Visit {{schoolName}} by {{dueDate}}.")
            .containsEntry("placeholders", List.of("dueDate", "schoolName"));
        assertThat(variants.get(1)).containsEntry("channel", "SMS")
            .containsEntry("language", "ta")
            .containsEntry("subject", null)
            .containsEntry("body", "{{schoolName}} ஆய்வு {{dueDate}}-க்குள்.");
    }

    @Test
    void theListIsPagedAndFilteredByChannelAndLanguage() {
        insert("test.stock-low", "SMS", "ta", null, "{{schoolName}}: அரிசி இருப்பு குறைவு");

        Map<String, Object> tamilSms = http.getForObject("/api/v1/notifications/templates?channel=SMS&language=ta",
                Map.class);
        assertThat(items(tamilSms)).extracting(t -> t.get("code"))
            .containsExactly("admin.broadcast", "alert.escalated", "alert.raised", "test.stock-low");
        assertThat(items(tamilSms))
            .allSatisfy(t -> assertThat(t).containsEntry("channel", "SMS").containsEntry("language", "ta"));

        long englishEmails = jdbc
            .sql("select count(*) from notification_templates where channel = 'EMAIL' and language = 'en'")
            .query(Long.class)
            .single();
        Map<String, Object> first = http
            .getForObject("/api/v1/notifications/templates?channel=EMAIL&language=en&size=3", Map.class);
        Map<String, Object> second = http
            .getForObject("/api/v1/notifications/templates?channel=EMAIL&language=en&size=3&page=1", Map.class);
        assertThat(first).containsEntry("total", (int) englishEmails).containsEntry("size", 3).containsEntry("page", 0);
        assertThat(items(first)).extracting(t -> t.get("code"))
            .containsExactly("admin.broadcast", "alert.escalated", "alert.raised");
        assertThat(items(second)).extracting(t -> t.get("code"))
            .containsExactly("fund.released", "report.ready", "user.activation");

        Map<String, Object> inApp = http.getForObject("/api/v1/notifications/templates?channel=IN_APP", Map.class);
        assertThat(items(inApp)).extracting(t -> t.get("code") + "/" + t.get("language"))
            .containsExactly("admin.broadcast/en", "admin.broadcast/ta", "alert.escalated/en", "alert.escalated/ta",
                    "alert.raised/en", "alert.raised/ta", "fund.released/en", "fund.released/ta", "report.ready/en",
                    "report.ready/ta");
    }

    @Test
    void badParametersAreA400ProblemNamingTheParameter() {
        assertBadParameter("/api/v1/notifications/templates?language=hi", "language");
        assertBadParameter("/api/v1/notifications/templates?channel=FAX", "channel");
        assertBadParameter("/api/v1/notifications/templates?size=501", "size");
        assertBadParameter("/api/v1/notifications/templates/ALERT", "code");
    }

    @Test
    void anUnknownCodeIsA404ProblemWithItsCode() {
        ResponseEntity<Map> response = http.getForEntity("/api/v1/notifications/templates/alert.cleared", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "notification.template.not-found");
        assertThat((String) response.getBody().get("detail")).contains("alert.cleared");
    }

    @Test
    void theSchemaHoldsOneTemplatePerCodeChannelAndLanguageAndNoSmsSubject() {
        insert("test.duplicate", "EMAIL", "ta", "s", "b");

        assertThatThrownBy(() -> insert("test.duplicate", "EMAIL", "ta", "s2", "b2"))
            .isInstanceOf(DuplicateKeyException.class)
            .hasMessageContaining("notification_templates_pkey");
        assertThatThrownBy(() -> insert("test.sms-subject", "SMS", "en", "subject", "b"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("notification_templates_subject");
        assertThatThrownBy(() -> insert("test.email-no-subject", "EMAIL", "en", null, "b"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("notification_templates_subject");
        assertThatThrownBy(() -> insert("test.hindi", "EMAIL", "hi", "s", "b"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("notification_templates_language");
    }

    @Test
    void theApiIsDescribedAndTheServiceIsReady() {
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/notifications/templates",
                "/api/v1/notifications/templates/{code}", "MDM Twin notification-service");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private void insert(String code, String channel, String language, String subject, String body) {
        jdbc.sql("""
                insert into notification_templates (code, channel, language, subject, body)
                values (:code, :channel, :language, :subject, :body)""")
            .param("code", code)
            .param("channel", channel)
            .param("language", language)
            .param("subject", subject)
            .param("body", body)
            .update();
    }

    private void assertBadParameter(String uri, String parameter) {
        ProblemAssertions.assertInvalid(http.getForEntity(uri, Map.class), parameter);
    }

    @Test
    void withoutAValidTokenNothingIsReadAndEveryRoleReads() {
        http.getRestTemplate().setInterceptors(List.of()); // no default token for this
                                                           // test
        ProblemAssertions.assertTokenRequired(token -> http.exchange("/api/v1/notifications/templates", HttpMethod.GET,
                new HttpEntity<>(token == null ? new HttpHeaders() : TestTokens.bearer(token)), Map.class));
        assertThat(http
            .exchange("/api/v1/notifications/templates", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.school("33020100101"))), Map.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

}
