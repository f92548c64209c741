package in.mdm.school;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class SchoolImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    /**
     * Columns in an unusual order, UDISE labels, names spelt differently from the LGD
     * list, an extra column.
     */
    static final String FILE = """
            School Name,UDISE_CODE,district_name,block_name,Category,Management,rural_urban,pincode,latitude,longitude,enrollment_primary,enrollment_upper_primary,cluster
            PUMS Anamalai,33040100001,Coimbatore,Aanamalai,Primary with Upper Primary,Local body,1,642104,10.5833,76.9333,140,90,C1
            GHSS Annur,33040100002,COIMBATORE,annur,Upper Pri. and Secondary,Government Aided,Rural,641653,11.2333,77.1,,120,C2
            St. Joseph Matric,33040100003,coimbatore,Karamadai,Pr. with Up.Pr. Sec. and H.Sec.,Private Unaided (Recognized),2,,,,300,200,C3
            PUPS Lalgudi,33040100004,Tiruchirapalli,Lalgudi,1,3,R,621601,10.87,78.82,60,,C4
            PUPS Kancheepuram,33040100005,Kancheepuram,Kanchipuram,Primary,Department of Education,U,631501,12.83,79.7,80,0,C5
            """;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    @Test
    void aUdiseFileIsImportedMatchingNamesDerivingEligibilityAndPublishingOnceAndAgainNothing() {
        Map<String, Object> job = importMultipart(FILE, "", TestTokens.admin());
        assertThat(job).containsEntry("status", "SUCCEEDED")
            .containsEntry("rowsRead", 5)
            .containsEntry("inserted", 5)
            .containsEntry("updated", 0)
            .containsEntry("rejected", 0)
            .containsEntry("progress", 100);

        Map<String, Object> anamalai = admin().get("/api/v1/schools/33040100001").getBody();
        assertThat(anamalai).containsEntry("districtCode", "569")
            .containsEntry("blockCode", "6101")
            .containsEntry("category", "PRIMARY_WITH_UPPER_PRIMARY")
            .containsEntry("management", "LOCAL_BODY")
            .containsEntry("eligiblePrimary", true)
            .containsEntry("eligibleUpperPrimary", true)
            .containsEntry("pincode", "642104");
        assertThat(admin().get("/api/v1/schools/33040100002").getBody())
            .containsEntry("category", "UPPER_PRIMARY_WITH_SECONDARY")
            .containsEntry("management", "AIDED")
            .containsEntry("eligiblePrimary", false)
            .containsEntry("eligibleUpperPrimary", true);
        assertThat(admin().get("/api/v1/schools/33040100003").getBody())
            .containsEntry("category", "PRIMARY_TO_HIGHER_SECONDARY")
            .containsEntry("pmPoshanEligible", false)
            .containsEntry("ruralUrban", "URBAN");
        assertThat(admin().get("/api/v1/schools/33040100004").getBody()).containsEntry("districtCode", "591")
            .containsEntry("blockCode", "6371")
            .containsEntry("management", "LOCAL_BODY");
        assertThat(admin().get("/api/v1/schools/33040100005").getBody()).containsEntry("districtCode", "574")
            .containsEntry("blockCode", "6177")
            .containsEntry("management", "GOVERNMENT");
        assertThat(jdbc
            .sql("select primary_count || '/' || upper_primary_count from enrollments where udise_code = '33040100002'")
            .query(String.class)
            .single()).isEqualTo("0/120");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Events.of(SchoolTopics.SCHOOLS, "33040100001", "in.mdm.school.SchoolRegistered.v1")).hasSize(1);
            assertThat(Events.of(SchoolTopics.ENROLLMENTS, "33040100001", "in.mdm.school.EnrollmentUpdated.v1"))
                .hasSize(1);
        });

        // the same file again: nothing changes, nothing is published
        Map<String, Object> again = importMultipart(FILE, "", TestTokens.admin());
        assertThat(again).containsEntry("inserted", 0)
            .containsEntry("updated", 0)
            .containsEntry("unchanged", 5)
            .containsEntry("rejected", 0);
        // one school renamed and one enrollment changed: one SchoolUpdated and one
        // EnrollmentUpdated
        Map<String, Object> changed = importMultipart(
                FILE.replace("PUMS Anamalai,", "PUMS Anamalai East,").replace(",60,,C4", ",65,,C4"), "",
                TestTokens.admin());
        assertThat(changed).containsEntry("inserted", 0).containsEntry("updated", 1).containsEntry("unchanged", 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Events.of(SchoolTopics.SCHOOLS, "33040100001", "in.mdm.school.SchoolUpdated.v1")).hasSize(1);
            assertThat(Events.of(SchoolTopics.ENROLLMENTS, "33040100004", "in.mdm.school.EnrollmentUpdated.v1"))
                .hasSize(2);
        });
        assertThat(Events.of(SchoolTopics.SCHOOLS, "33040100001", "in.mdm.school.SchoolRegistered.v1")).hasSize(1);
        assertThat(Events.of(SchoolTopics.SCHOOLS, "33040100002", "in.mdm.school.SchoolUpdated.v1")).isEmpty();
        assertThat(Events.of(SchoolTopics.ENROLLMENTS, "33040100002", "in.mdm.school.EnrollmentUpdated.v1")).hasSize(1);
    }

    @Test
    void badRowsAreRejectedWithAReasonEachAndTheGoodOnesLoaded() {
        byte[] latin1 = "33040200009,\"\u00c9cole Ste-Anne\",569,6101,1,1,1,,,,,\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        String text = """
                udise_code,school_name,district_code,block_code,category,management,rural_urban,pincode,latitude,longitude
                33040200001,Good One,569,6101,1,1,1,642104,10.58,76.93
                3304020000X,Bad Code,569,6101,1,1,1,,,
                33040200003,Unknown Block,569,6215,1,1,1,,,
                33040200004,First Copy,569,6101,1,1,1,,,
                33040200004,Second Copy,569,6101,1,1,1,,,
                33040200005,Far Away,569,6101,1,1,1,,51.5,-0.12
                33040200006,Half Coordinates,569,6101,1,1,1,,10.5,
                33040200007,Odd Category,569,6101,Nursery,1,1,,,
                33040200008,Unknown District,999,6101,1,1,1,,,
                """;
        byte[] file = concat(text.getBytes(StandardCharsets.UTF_8), latin1);
        Map<String, Object> job = importBody(file, "", TestTokens.admin());
        assertThat(job).containsEntry("status", "SUCCEEDED")
            .containsEntry("rowsRead", 10)
            .containsEntry("inserted", 2)
            .containsEntry("rejected", 8);

        ResponseEntity<String> rejects = admin().exchange(HttpMethod.GET, (String) job.get("rejectsUrl"), null,
                String.class);
        assertThat(rejects.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(rejects.getBody().lines().toList()).containsExactly(
                "line,udise_code,school_name,reason,did_you_mean",
                "3,3304020000X,Bad Code,bad UDISE code: must be 11 digits,",
                "4,33040200003,Unknown Block,unknown block,",
                "6,33040200004,Second Copy,duplicate in file (first at line 5),",
                "7,33040200005,Far Away,bad coordinates: outside India,",
                "8,33040200006,Half Coordinates,bad coordinates: latitude and longitude must both be decimal degrees,",
                "9,33040200007,Odd Category,unknown category: Nursery,",
                "10,33040200008,Unknown District,unknown district,",
                "11,33040200009,\uFFFDcole Ste-Anne,encoding: not UTF-8,");
        assertThat(admin().get("/api/v1/schools/33040200004").getBody()).containsEntry("name", "First Copy");
        assertThat(admin().get("/api/v1/schools/33040200003").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownBlocksAreCreatedUnderTheMatchedDistrictWhenAsked() {
        String file = """
                udise_code,school_name,district_name,block_name,category,management
                33040300001,New Block School,Madurai,Thiruparankundram North,Primary,Government
                33040300002,New Block School 2,MADURAI,Tiruparankundram North,Primary,Government
                """;
        assertThat(importBody(file.getBytes(StandardCharsets.UTF_8), "", TestTokens.admin()))
            .containsEntry("rejected", 2)
            .containsEntry("inserted", 0);
        Map<String, Object> created = importBody(file.getBytes(StandardCharsets.UTF_8), "?createMissingBlocks=true",
                TestTokens.admin());
        assertThat(created).containsEntry("rejected", 0).containsEntry("inserted", 2);
        Map<String, Object> one = admin().get("/api/v1/schools/33040300001").getBody();
        Map<String, Object> two = admin().get("/api/v1/schools/33040300002").getBody();
        assertThat(one.get("blockCode")).isEqualTo(two.get("blockCode"));
        assertThat(jdbc.sql("select name || '/' || source from blocks where district_code = '578' and code = :c")
            .param("c", one.get("blockCode"))
            .query(String.class)
            .single()).isEqualTo("Thiruparankundram North/IMPORT");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsA400NamingThem() {
        ResponseEntity<Map> response = postBody("name,district\nX,Y\n".getBytes(StandardCharsets.UTF_8), "",
                TestTokens.admin());
        assertProblem(response, HttpStatus.BAD_REQUEST, "school.import.bad-header");
        assertThat((String) response.getBody().get("detail")).contains("udise_code")
            .contains("school_name")
            .contains("block_code or block_name");
        assertProblem(postBody(new byte[0], "", TestTokens.admin()), HttpStatus.BAD_REQUEST, "school.import.empty");
        assertProblem(admin().get("/api/v1/schools/import/8a0c5e2e-1111-4222-8333-944455556666"), HttpStatus.NOT_FOUND,
                "school.import.not-found");
    }

    @Test
    void aFileThatIsNotCsvFailsTheJobWithTheReason() {
        byte[] file = "udise_code,school_name,district_code,block_code,category,management\n33040500001,\"Unclosed,569,6101,1,1\n"
            .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> job = importBody(file, "", TestTokens.admin());
        assertThat(job).containsEntry("status", "FAILED").containsEntry("inserted", 0);
        assertThat((String) job.get("error")).startsWith("malformed CSV");
        assertProblem(admin().get("/api/v1/schools/import/" + job.get("id") + "/rejects"), HttpStatus.CONFLICT,
                "school.import.not-finished");
        assertThat(admin().get("/api/v1/schools/33040500001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAnAdminOrAMachineClientWithTheImportScopeMayImport() {
        byte[] file = "udise_code,school_name,district_code,block_code,category,management\n33040400001,M,569,6101,1,1\n"
            .getBytes(StandardCharsets.UTF_8);
        assertThat(postBody(file, "", TestTokens.officer("569")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postBody(file, "", TestTokens.machine("treasury", "finance:treasury-callback")).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(importBody(file, "", TestTokens.machine("udise", "schools:import"))).containsEntry("inserted", 1);
    }

    private Map<String, Object> importMultipart(String csv, String query, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "udise.csv";
            }
        });
        ResponseEntity<Map> accepted = http.exchange("/api/v1/schools/import" + query, HttpMethod.POST,
                new HttpEntity<>(parts, headers), Map.class);
        return awaitDone(accepted, token);
    }

    private Map<String, Object> importBody(byte[] csv, String query, String token) {
        return awaitDone(postBody(csv, query, token), token);
    }

    private ResponseEntity<Map> postBody(byte[] csv, String query, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange("/api/v1/schools/import" + query, HttpMethod.POST, new HttpEntity<>(csv, headers),
                Map.class);
    }

    private Map<String, Object> awaitDone(ResponseEntity<Map> accepted, String token) {
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/v1/schools/import/" + accepted.getBody().get("id"));
        Api api = Api.as(http, token);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> List.of("SUCCEEDED", "FAILED").contains(api.get(location).getBody().get("status")));
        return api.get(location).getBody();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
