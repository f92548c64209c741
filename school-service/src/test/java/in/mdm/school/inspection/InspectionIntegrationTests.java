package in.mdm.school.inspection;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolTopics;
import in.mdm.school.Api;
import in.mdm.school.Events;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class InspectionIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    static final String OVERDUE = "in.mdm.school.InspectionOverdue.v1";

    static final String RECORDED = "in.mdm.school.InspectionRecorded.v1";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectionOverdueJob job;

    void school(String udise) {
        assertThat(Api.as(http, TestTokens.admin()).post("/api/v1/schools", """
                {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6112","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL"}""".formatted(udise, udise)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }

    static String inspection(String udise, LocalDate on, LocalDate due) {
        return """
                {"udiseCode":"%s","inspectedOn":"%s","score":72,"nextDueOn":"%s","remarks":"kitchen clean, store damp",
                 "findings":[{"category":"HYGIENE","severity":"LOW","note":"utensils washed"},
                             {"category":"STOCK","severity":"HIGH","note":"rice bags on a wet floor"}]}"""
            .formatted(udise, on, due);
    }

    @Test
    void officersRecordInspectionsWithFindingsWithinTheirJurisdiction() {
        String udise = "33070100001";
        school(udise);
        ResponseEntity<Map> created = Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/inspections", inspection(udise, TODAY.minusDays(1), TODAY.plusDays(90)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("score", 72).containsEntry("inspector", "deo.569");
        assertThat((List<Map<String, Object>>) created.getBody().get("findings")).extracting(f -> f.get("severity"))
            .containsExactly("LOW", "HIGH");
        String path = "/api/v1/inspections/" + created.getBody().get("id");
        assertThat(Api.as(http, TestTokens.school(udise)).get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(Api.as(http, TestTokens.officer("578")).get(path), HttpStatus.NOT_FOUND, "inspection.not-found");
        assertProblem(
                Api.as(http, TestTokens.officer("578"))
                    .post("/api/v1/inspections", inspection(udise, TODAY, TODAY.plusDays(9))),
                HttpStatus.NOT_FOUND, "school.not-found");
        assertThat(Api.as(http, TestTokens.school(udise))
            .post("/api/v1/inspections", inspection(udise, TODAY, TODAY.plusDays(9)))
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(Api.as(http, TestTokens.admin()).post("/api/v1/inspections", inspection(udise, TODAY, TODAY)),
                HttpStatus.BAD_REQUEST, "inspection.bad-due-date");
        ResponseEntity<Map> badFinding = Api.as(http, TestTokens.admin())
            .post("/api/v1/inspections", inspection(udise, TODAY, TODAY.plusDays(9)).replace("HYGIENE", "MOOD"));
        assertThat(badFinding.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFinding.getBody().toString()).contains("findings[0].category");
        assertThat(Api.as(http, TestTokens.officer("569")).get("/api/v1/inspections?udiseCode=" + udise).getBody())
            .containsEntry("total", 1);
        // the recorded one, and only it, is told to the readers of inspections (reports'
        // meal quality)
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.INSPECTIONS, udise, RECORDED)).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"inspectionId\":\"" + created.getBody().get("id") + "\"")
                    .contains("\"score\":72")));
    }

    @Test
    void aSchoolPastItsDueDateIsReportedOnceAndOnlyByTheReplicaHoldingTheLock() {
        String udise = "33070100011";
        school(udise);
        Api.as(http, TestTokens.officer("569"))
            .post("/api/v1/inspections", inspection(udise, TODAY.minusDays(100), TODAY.minusDays(10)));

        // another replica holds the job's lock: this one does nothing
        jdbc.sql(
                "insert into shedlock (name, lock_until, locked_at, locked_by) values (:n, timezone('utc', now()) + interval '1 hour', timezone('utc', now()), 'other-replica') "
                        + "on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by")
            .param("n", InspectionOverdueJob.LOCK)
            .update();
        job.publishOverdue();
        assertThat(notices(udise)).isZero();

        release();
        job.publishOverdue();
        assertThat(notices(udise)).isEqualTo(1);
        release();
        job.publishOverdue();
        assertThat(notices(udise)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(Events.of(SchoolTopics.INSPECTIONS, udise, OVERDUE)).hasSize(1));
        assertThat(jdbc.sql("select due_on from inspection_overdue_notices where udise_code = :u")
            .param("u", udise)
            .query(LocalDate.class)
            .single()).isEqualTo(TODAY.minusDays(10));
    }

    /**
     * The lock expires (ShedLock remembers the row, so it is expired rather than
     * deleted).
     */
    void release() {
        jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' where name = :n")
            .param("n", InspectionOverdueJob.LOCK)
            .update();
    }

    int notices(String udise) {
        return jdbc.sql("select count(*) from inspection_overdue_notices where udise_code = :u")
            .param("u", udise)
            .query(Integer.class)
            .single();
    }

}
