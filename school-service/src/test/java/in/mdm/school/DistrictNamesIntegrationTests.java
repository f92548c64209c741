package in.mdm.school;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * District and block names as UDISE files write them: aliases (shipped and added by
 * ADMIN), suffixes and brackets, "did you mean" in the rejects, and the list of import
 * jobs.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class DistrictNamesIntegrationTests {

    static final String HEADER = "udise_code,school_name,district_name,block_name,category,management\n";

    @Autowired
    TestRestTemplate http;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    @Test
    void aliasesSuffixesAndSpellingsResolveAndMissesGetTheClosestName() {
        Map<String, Object> job = importCsv(HEADER + """
                33091100001,Alias School,Thoothukudi,Kovilpatti,1,1
                33091100002,Suffix School,Kancheepuram District,Sriperumbudur Block,1,1
                33091100003,Spelling School,Tiruchirapalli,Lalgudi (Rural),1,1
                33091100004,Bracket School,Kancheepuram (Kanchipuram),Walajabad Blk,1,1
                33091100005,Leading The,Nilgiris Dt,Kotagiri,1,1
                33091100006,Near Miss,Coimbator,Annur,1,1
                33091100007,Far Off,Gotham City,Annur,1,1
                33091100008,Block Miss,Coimbatore,Kinathukadvu,1,1
                33091100009,Block Far Off,Coimbatore,Xyzzy,1,1
                """, TestTokens.admin());
        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("inserted", 5).containsEntry("rejected", 4);
        assertSchool("33091100001", "594", "6424");
        assertSchool("33091100002", "574", "6182");
        assertSchool("33091100003", "591", "6371");
        assertSchool("33091100004", "574", "6187");
        assertSchool("33091100005", "587", "6336");

        ResponseEntity<String> rejects = admin().exchange(HttpMethod.GET, (String) job.get("rejectsUrl"), null,
                String.class);
        assertThat(rejects.getBody().lines().toList()).containsExactly(
                "line,udise_code,school_name,reason,did_you_mean",
                "7,33091100006,Near Miss,unknown district,COIMBATORE", "8,33091100007,Far Off,unknown district,",
                "9,33091100008,Block Miss,unknown block,KINATHUKADAVU", "10,33091100009,Block Far Off,unknown block,");
    }

    @Test
    void anAdminAddsAnAliasThatTheNextImportResolvesAndRemovesIt() {
        String row = HEADER + "33091200001,Kovai School,Kovai,Annur,1,1\n";
        assertThat(importCsv(row, TestTokens.admin())).containsEntry("rejected", 1);

        ResponseEntity<Map> added = admin().post("/api/v1/districts/569/aliases", """
                {"alias":" Kovai "}""");
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getHeaders().getLocation()).hasToString("/api/v1/districts/569/aliases/Kovai");
        assertThat(added.getBody()).containsEntry("districtCode", "569")
            .containsEntry("districtName", "COIMBATORE")
            .containsEntry("stateCode", "33")
            .containsEntry("alias", "Kovai")
            .containsEntry("source", "ADMIN")
            .containsEntry("createdBy", "state.admin")
            .containsKey("createdAt");

        assertThat(importCsv(row, TestTokens.admin())).containsEntry("inserted", 1).containsEntry("rejected", 0);
        assertSchool("33091200001", "569", "6102");

        Map<String, Object> list = Api.as(http, TestTokens.officer("569"))
            .get("/api/v1/districts/aliases?districtCode=569")
            .getBody();
        assertThat((List<Map<String, Object>>) list.get("items")).extracting(a -> a.get("alias")).contains("Kovai");
        Map<String, Object> tamilNadu = admin().get("/api/v1/districts/aliases?stateCode=33&size=1000").getBody();
        assertThat((List<Map<String, Object>>) tamilNadu.get("items"))
            .anySatisfy(a -> assertThat(a).containsEntry("alias", "Thoothukudi")
                .containsEntry("districtCode", "594")
                .containsEntry("createdBy", "migration"));

        // only ADMIN edits
        assertThat(Api.as(http, TestTokens.school("33091200001"))
            .post("/api/v1/districts/569/aliases", "{\"alias\":\"Koval\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, TestTokens.officer("569"))
            .exchange(HttpMethod.DELETE, "/api/v1/districts/569/aliases/Kovai", null, Map.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a name of this or another district of the state
        assertProblem(admin().post("/api/v1/districts/574/aliases", "{\"alias\":\"KOVAI\"}"), HttpStatus.CONFLICT,
                "school.district-alias-taken");
        assertProblem(admin().post("/api/v1/districts/574/aliases", "{\"alias\":\"Coimbatore\"}"), HttpStatus.CONFLICT,
                "school.district-alias-taken");
        assertProblem(admin().post("/api/v1/districts/569/aliases", "{\"alias\":\"Kovai\"}"), HttpStatus.CONFLICT,
                "school.district-alias-taken");
        // the same name in another state is another district's
        assertThat(admin().post("/api/v1/districts/62/aliases", "{\"alias\":\"Kovai\"}").getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertProblem(admin().post("/api/v1/districts/99999/aliases", "{\"alias\":\"Nowhere\"}"), HttpStatus.NOT_FOUND,
                "school.district-not-found");
        assertThat(admin().post("/api/v1/districts/569/aliases", "{\"alias\":\" \"}").getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().post("/api/v1/districts/569/aliases", "{\"alias\":\"" + "K".repeat(101) + "\"}")
            .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(admin().post("/api/v1/districts/569/aliases", "{\"alias\":\"--\"}"), HttpStatus.BAD_REQUEST,
                "school.district-alias-invalid");

        assertThat(admin().exchange(HttpMethod.DELETE, "/api/v1/districts/569/aliases/Kovai", null, Map.class)
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().exchange(HttpMethod.DELETE, "/api/v1/districts/62/aliases/kovai", null, Map.class)
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertProblem(admin().exchange(HttpMethod.DELETE, "/api/v1/districts/569/aliases/Kovai", null, Map.class),
                HttpStatus.NOT_FOUND, "school.district-alias-not-found");
        assertThat(importCsv(row.replace("33091200001", "33091200002"), TestTokens.admin())).containsEntry("rejected",
                1);
    }

    @Test
    void importJobsAreListedNewestFirstByStatus() {
        Map<String, Object> done = importCsv(HEADER + "33091300001,Listed School,Coimbatore,Annur,1,1\n",
                TestTokens.admin());
        Map<String, Object> newest = admin().get("/api/v1/schools/import?size=1").getBody();
        assertThat(newest).containsEntry("page", 0).containsEntry("size", 1);
        assertThat(((Number) newest.get("total")).longValue()).isPositive();
        assertThat((List<Map<String, Object>>) newest.get("items")).singleElement()
            .satisfies(j -> assertThat(j).containsEntry("id", done.get("id")).containsEntry("status", "SUCCEEDED"));

        Map<String, Object> succeeded = Api.as(http, TestTokens.machine("udise-sync", "schools:import"))
            .get("/api/v1/schools/import?status=SUCCEEDED&size=500")
            .getBody();
        assertThat((List<Map<String, Object>>) succeeded.get("items")).isNotEmpty()
            .allSatisfy(j -> assertThat(j).containsEntry("status", "SUCCEEDED"));
        Map<String, Object> failed = admin().get("/api/v1/schools/import?status=FAILED").getBody();
        assertThat((List<Map<String, Object>>) failed.get("items"))
            .allSatisfy(j -> assertThat(j).containsEntry("status", "FAILED"));

        assertThat(admin().get("/api/v1/schools/import?status=DONE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().get("/api/v1/schools/import?size=501").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.as(http, TestTokens.school("33091300001")).get("/api/v1/schools/import").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertSchool(String udiseCode, String districtCode, String blockCode) {
        assertThat(admin().get("/api/v1/schools/" + udiseCode).getBody()).containsEntry("districtCode", districtCode)
            .containsEntry("blockCode", blockCode);
    }

    private Map<String, Object> importCsv(String csv, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map> accepted = http.exchange("/api/v1/schools/import", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        Api api = Api.as(http, token);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> List.of("SUCCEEDED", "FAILED").contains(api.get(location).getBody().get("status")));
        return api.get(location).getBody();
    }

}
