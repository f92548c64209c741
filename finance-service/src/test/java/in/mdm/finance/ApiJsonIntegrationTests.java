package in.mdm.finance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON finance-service answers, as text: field names, their order, number scales and
 * status values of every kind of answer, in one scenario (allocate, adjust, release level
 * by level, reject, pay and confirm, record spending, read the audit trail). Only ids,
 * instants and the audit trail's running numbers are masked; the expected answers are in
 * {@code src/test/resources/api-json.txt}. A quarterly release answers its
 * {@code releasePercent} as requested (95), a release read back as stored (95.00).
 */
@MdmIntegrationTest
class ApiJsonIntegrationTests {

    static final String DISTRICT = "596";
    static final String BLOCK = "5960";
    static final String S1 = "33596000001";
    static final String S2 = "33596000002";
    static final String YEAR = "2026-27";
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    /**
     * The audit trail's running number, which depends on what other tests wrote before.
     */
    static final Pattern AUDIT_ID = Pattern.compile("\"id\":\\d+,\"at\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final Map<String, String> answers = new LinkedHashMap<>();

    @Test
    void everyKindOfAnswerKeepsItsFieldsOrderScalesAndValues() throws Exception {
        Http admin = Http.as(port, TestTokens.admin());
        Http district = Http.as(port, TestTokens.officer(DISTRICT));
        Http block = Http.as(port, TestTokens.blockOfficer(BLOCK));
        Http school = Http.as(port, TestTokens.school(S1));
        Fixtures.school(jdbc, S1, DISTRICT, BLOCK);
        Fixtures.school(jdbc, S2, DISTRICT, BLOCK);
        Fixtures.enroll(jdbc, S1, YEAR, 100, 40, DISTRICT, BLOCK);
        Fixtures.enroll(jdbc, S2, YEAR, 30, 0, DISTRICT, BLOCK);

        keep("calculated", admin.post("/api/v1/financial/allocations/calculate",
                "{\"academicYear\":\"" + YEAR + "\",\"blockCode\":\"" + BLOCK + "\"}", String.class));
        keep("allocation",
                admin.get("/api/v1/financial/allocations/school/" + S1 + "?academicYear=" + YEAR, String.class));
        UUID a1 = allocationId(S1);
        UUID a2 = allocationId(S2);
        keep("adjusted", district.put("/api/v1/financial/allocations/" + a2,
                "{\"amount\":45000.00,\"reason\":\"Kitchen repair\"}", String.class));
        keep("block-totals",
                block.get("/api/v1/financial/allocations/block/" + BLOCK + "?academicYear=" + YEAR, String.class));
        keep("district-totals",
                district.get("/api/v1/financial/allocations/" + DISTRICT + "?academicYear=" + YEAR, String.class));
        String norms = admin.get("/api/v1/financial/norms", String.class).getBody();
        answers.put("seeded-norms", normalize(String.join(",", objects(norms, "\"effectiveFrom\":\"2025-05-01\""))));

        String q1 = post(admin, "/api/v1/financial/releases",
                "{\"allocationId\":\"" + a1 + "\",\"kind\":\"QUARTERLY\",\"quarter\":1}", "requested");
        keep("approved-by-district", district.post("/api/v1/financial/releases/" + q1 + "/approve", "", String.class));
        keep("approved-by-block", block.post("/api/v1/financial/releases/" + q1 + "/approve", "", String.class));
        keep("released", school.post("/api/v1/financial/releases/" + q1 + "/approve", "", String.class));
        keep("not-pending",
                admin.post("/api/v1/financial/releases/" + q1 + "/reject", "{\"reason\":\"Late\"}", String.class));
        String q2 = post(admin, "/api/v1/financial/releases",
                "{\"allocationId\":\"" + a1 + "\",\"kind\":\"QUARTERLY\",\"quarter\":2,\"releasePercent\":93}",
                "requested-at-93");
        keep("out-of-order", block.post("/api/v1/financial/releases/" + q2 + "/approve", "", String.class));
        String emergency = post(district, "/api/v1/financial/releases",
                "{\"allocationId\":\"" + a2 + "\",\"kind\":\"EMERGENCY\",\"amount\":1000.5,\"reason\":\"Flood\"}",
                "emergency");
        keep("rejected", district.post("/api/v1/financial/releases/" + emergency + "/reject",
                "{\"reason\":\"Certificate missing\"}", String.class));

        String unconfirmed = admin.get("/api/v1/financial/treasury/reconciliation?olderThanHours=0", String.class)
            .getBody();
        answers.put("unconfirmed", normalize(String.join(",", objects(unconfirmed, "\"releaseId\":\"" + q1 + "\""))));
        String key = jdbc.sql("select idempotency_key from treasury_instructions where release_id = ?")
            .param(UUID.fromString(q1))
            .query(UUID.class)
            .single()
            .toString();
        Http treasury = Http.as(port, TestTokens.machine("treasury", "finance:treasury-callback"));
        String callback = "{\"idempotencyKey\":\"" + key
                + "\",\"status\":\"CREDITED\",\"treasuryReference\":\"TRY-596-1\"}";
        keep("confirmed", treasury.post("/api/v1/financial/treasury/callbacks", callback, String.class));
        keep("confirmed-again", treasury.post("/api/v1/financial/treasury/callbacks", callback, String.class));
        keep("credited", admin.get("/api/v1/financial/releases/" + q1, String.class));
        keep("history", admin.get("/api/v1/financial/releases?udiseCode=" + S1, String.class));
        keep("pending", block.get("/api/v1/financial/releases/pending", String.class));

        jdbc.sql("""
                insert into daily_meals (udise_code, served_on, meals_primary, meals_upper_primary, last_event_at)
                values (?, date '2026-07-01', 90, 35, now()), (?, date '2026-08-03', 95, 38, now())""")
            .params(S1, S1)
            .update();
        keep("recorded",
                school.post("/api/v1/financial/utilization",
                        "{\"udiseCode\":\"" + S1 + "\",\"month\":\"2026-07\",\"category\":\"FOOD\",\"amount\":20000}",
                        String.class));
        keep("recorded-again",
                school.post("/api/v1/financial/utilization",
                        "{\"udiseCode\":\"" + S1 + "\",\"month\":\"2026-07\",\"category\":\"FOOD\",\"amount\":1}",
                        String.class));
        school.post("/api/v1/financial/utilization",
                "{\"udiseCode\":\"" + S1 + "\",\"month\":\"2026-08\",\"category\":\"WAGES\",\"amount\":1500.25}",
                String.class);
        school.post("/api/v1/financial/utilization",
                "{\"udiseCode\":\"" + S1 + "\",\"month\":\"2026-08\",\"category\":\"FUEL\",\"amount\":300}",
                String.class);
        keep("utilization",
                district.get("/api/v1/financial/utilization/school/" + S1 + "?academicYear=" + YEAR, String.class));
        keep("utilization-list", district
            .get("/api/v1/financial/utilization?academicYear=" + YEAR + "&blockCode=" + BLOCK, String.class));

        keep("audit-release", admin.get("/api/v1/financial/audit?entity=release&entityId=" + q1, String.class));
        keep("audit-rejected", admin.get("/api/v1/financial/audit?entity=release&entityId=" + emergency, String.class));
        keep("audit-allocation", admin.get("/api/v1/financial/audit?entity=allocation&entityId=" + a2, String.class));
        String instruction = jdbc.sql("select id from treasury_instructions where release_id = ?")
            .param(UUID.fromString(q1))
            .query(UUID.class)
            .single()
            .toString();
        keep("audit-treasury",
                admin.get("/api/v1/financial/audit?entity=treasury-instruction&entityId=" + instruction, String.class));
        keep("school", school.get("/api/v1/financial/schools/" + S1, String.class));

        Map<String, String> expected = expected();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(answers.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, json) -> softly.assertThat(answers.get(name)).as(name).isEqualTo(json));
        softly.assertAll();
    }

    /**
     * The recorded answers: a name on one line, the answer (status and body) on the next,
     * a blank line between.
     */
    private static Map<String, String> expected() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        String[] entries = Files.readString(Path.of("src/test/resources/api-json.txt")).strip().split("\n\n");
        for (String entry : entries) {
            String[] lines = entry.split("\n", 2);
            expected.put(lines[0], lines[1]);
        }
        return expected;
    }

    private void keep(String name, ResponseEntity<String> answer) {
        answers.put(name, answer.getStatusCode().value() + " " + normalize(answer.getBody()));
    }

    private String post(Http as, String path, String body, String name) {
        ResponseEntity<String> answer = as.post(path, body, String.class);
        keep(name, answer);
        Matcher id = Pattern.compile("\"releaseId\":\"([0-9a-f-]{36})\"").matcher(answer.getBody());
        assertThat(id.find()).as(answer.getBody()).isTrue();
        return id.group(1);
    }

    private UUID allocationId(String udise) {
        return jdbc.sql("select id from allocations where udise_code = ? and academic_year = ?")
            .params(udise, YEAR)
            .query(UUID.class)
            .single();
    }

    /** The flat JSON objects of a list that contain a text. */
    private static List<String> objects(String json, String containing) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(json);
        while (m.find()) {
            if (m.group().contains(containing)) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static String normalize(String json) {
        String masked = INSTANT.matcher(UUID_TEXT.matcher(json).replaceAll("<id>")).replaceAll("<instant>");
        return AUDIT_ID.matcher(masked).replaceAll("\"id\":<n>,\"at\"");
    }

}
