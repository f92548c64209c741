package in.mdm.school;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school's master data in the platform's audit trail: registration with the new data,
 * an update with the data before and after, the calls themselves, all searchable by an
 * ADMIN under the service's gateway prefix, and the chain verifying until a row is edited
 * behind the service.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class SchoolAuditIntegrationTests {

    static final String AUDIT = "/api/v1/schools/audit";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationAndUpdateOfASchoolAreInTheTrailWithBeforeAndAfter() {
        String udise = "33020100180";
        assertThat(admin().post("/api/v1/schools", """
                {"udiseCode":"%s","name":"PUMS Audit Old","districtCode":"568","blockCode":"900568",
                 "category":"PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"}""".formatted(udise))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(admin().put("/api/v1/schools/" + udise, """
                {"name":"PUMS Audit New","districtCode":"568","blockCode":"900568","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL"}""").getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Map<String, Object>> changes = items(
                admin().get(AUDIT + "?entityType=school&entityId=" + udise + "&size=10"));
        assertThat(changes).extracting(row -> row.get("action")).containsExactly("school.update", "school.register");
        Map<String, Object> update = changes.get(0);
        assertThat(update).containsEntry("actor", "state.admin").containsEntry("path", "/api/v1/schools/" + udise);
        assertThat((Map<String, Object>) update.get("before")).containsEntry("name", "PUMS Audit Old")
            .containsEntry("udiseCode", udise);
        assertThat((Map<String, Object>) update.get("after")).containsEntry("name", "PUMS Audit New");
        assertThat(changes.get(1)).containsEntry("before", null);
        assertThat((Map<String, Object>) changes.get(1).get("after")).containsEntry("name", "PUMS Audit Old");

        List<Map<String, Object>> all = items(admin().get(AUDIT + "?entityId=" + udise));
        assertThat(all).extracting(row -> row.get("action"))
            .as("the call after the change it made, newest first")
            .containsExactly("PUT /api/v1/schools/{udiseCode}", "school.update", "school.register");
        assertThat(all.get(0)).containsEntry("status", 200).containsEntry("actor", "state.admin");

        ResponseEntity<Map> verified = admin().get(AUDIT + "/verify");
        assertThat(verified.getBody()).containsEntry("intact", true);

        long seq = ((Number) update.get("seq")).longValue();
        String after = jdbc.sql("select after from audit_trail where seq = ?").param(seq).query(String.class).single();
        jdbc.sql("update audit_trail set after = replace(after, 'PUMS Audit New', 'PUMS Forged') where seq = ?")
            .param(seq)
            .update();
        try {
            assertThat(admin().get(AUDIT + "/verify").getBody()).containsEntry("intact", false)
                .containsEntry("brokenAt", (int) seq);
        }
        finally {
            jdbc.sql("update audit_trail set after = ? where seq = ?").params(after, seq).update();
        }
        assertThat(admin().get(AUDIT + "/verify").getBody()).containsEntry("intact", true);
    }

    @Test
    void onlyAnAdminReadsTheTrail() {
        assertThat(Api.as(http, TestTokens.officer("568")).get(AUDIT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, TestTokens.officer("568")).get(AUDIT + "/verify").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    private Api admin() {
        return Api.as(http, TestTokens.admin());
    }

}
