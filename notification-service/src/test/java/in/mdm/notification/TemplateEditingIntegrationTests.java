package in.mdm.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates are data an ADMIN edits, within the placeholders and limits of their code.
 */
class TemplateEditingIntegrationTests extends NotificationIntegrationTest {

    static final String PATH = "/api/v1/notifications/templates/admin.broadcast/";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Map<String, Object> original;

    @BeforeEach
    void keepTheSeed() {
        http.getRestTemplate().setInterceptors(List.of());
        original = jdbc
            .sql("select subject, body from notification_templates where code = 'admin.broadcast' and "
                    + "channel = 'IN_APP' and language = 'ta'")
            .query()
            .singleRow();
    }

    @AfterEach
    void restoreTheSeed() {
        jdbc.sql("update notification_templates set subject = :subject, body = :body where code = 'admin.broadcast' "
                + "and channel = 'IN_APP' and language = 'ta'")
            .params(original)
            .update();
    }

    @Test
    void anAdminReplacesATemplateAndEveryoneReadsIt() {
        ResponseEntity<Map> saved = put(PATH + "IN_APP/ta",
                "{\"subject\":\"அறிவிப்பு: {{title}}\",\"body\":\"{{message}} — {{scope}}\"}", TestTokens.admin());

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).containsEntry("subject", "அறிவிப்பு: {{title}}")
            .containsEntry("placeholders", List.of("message", "scope", "title"));
        Map<String, Object> read = http
            .exchange("/api/v1/notifications/templates/admin.broadcast", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.school("33020100101"))), Map.class)
            .getBody();
        assertThat((List<Map<String, Object>>) read.get("variants"))
            .filteredOn(v -> "IN_APP".equals(v.get("channel")) && "ta".equals(v.get("language")))
            .singleElement()
            .satisfies(v -> assertThat(v).containsEntry("body", "{{message}} — {{scope}}"));

        // the edit in the service's chained trail, with the variant before and after
        Map<String, Object> trail = http
            .exchange("/api/v1/notifications/audit?entityType=template&entityId=admin.broadcast/IN_APP/ta",
                    HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), Map.class)
            .getBody();
        assertThat((List<Map<String, Object>>) trail.get("items")).first().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "template.save").containsEntry("actor", "state.admin");
            assertThat((Map<String, Object>) entry.get("before")).containsEntry("body", original.get("body"));
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("body", "{{message}} — {{scope}}");
        });
    }

    @Test
    void onlyAnAdminEditsTemplates() {
        String body = "{\"subject\":\"x {{title}}\",\"body\":\"{{message}}\"}";
        for (String token : List.of(TestTokens.officer("568"), TestTokens.school("33020100101"))) {
            ProblemAssertions.assertProblem(put(PATH + "IN_APP/ta", body, token), HttpStatus.FORBIDDEN,
                    "auth.forbidden");
        }
        assertThat(jdbc
            .sql("select body from notification_templates where code = 'admin.broadcast' and "
                    + "channel = 'IN_APP' and language = 'ta'")
            .query(String.class)
            .single()).isEqualTo(original.get("body"));
    }

    @Test
    void badTemplatesAreA400WithTheirCode() {
        String admin = TestTokens.admin();
        ResponseEntity<Map> unknown = put(PATH + "EMAIL/en",
                "{\"subject\":\"{{title}}\",\"body\":\"{{schoolName}}: {{message}}\"}", admin);
        ProblemAssertions.assertProblem(unknown, HttpStatus.BAD_REQUEST, "notification.template.unknown-placeholder");
        assertThat((String) unknown.getBody().get("detail")).contains("schoolName");

        ProblemAssertions.assertProblem(put(PATH + "SMS/en", "{\"subject\":\"no\",\"body\":\"{{message}}\"}", admin),
                HttpStatus.BAD_REQUEST, "notification.template.subject");
        ProblemAssertions.assertProblem(put(PATH + "EMAIL/en", "{\"body\":\"{{message}}\"}", admin),
                HttpStatus.BAD_REQUEST, "notification.template.subject");
        ProblemAssertions.assertProblem(
                put(PATH + "SMS/ta", "{\"body\":\"" + "அ".repeat(140) + " {{message}}\"}", admin),
                HttpStatus.BAD_REQUEST, "notification.template.sms-too-long");
        ProblemAssertions.assertProblem(put("/api/v1/notifications/templates/alert.cleared/EMAIL/en",
                "{\"subject\":\"s\",\"body\":\"b\"}", admin), HttpStatus.NOT_FOUND, "notification.template.not-found");
        ProblemAssertions.assertInvalid(put(PATH + "EMAIL/hi", "{\"subject\":\"s\",\"body\":\"b\"}", admin),
                "language");
        ProblemAssertions.assertInvalid(put(PATH + "EMAIL/en", "{\"subject\":\"s\",\"body\":\" \"}", admin), "body");
    }

    private ResponseEntity<Map> put(String path, String json, String token) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(json, TestTokens.bearer(token)), Map.class);
    }

}
