package in.mdm.school;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.events.school.SchoolTopics;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class SchoolRegistrationIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, CloudEvent> kafka;

    @Test
    void registeringASchoolStoresItAndPublishesSchoolRegisteredAsACloudEvent() {
        String udise = "33020100101";
        ResponseEntity<Map> created = post("""
                {"udiseCode":"%s","name":"PUMS Kattur","districtCode":"568","blockCode":"900568",
                 "category":"PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"}""".formatted(udise));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/schools/" + udise);
        assertThat(created.getBody()).containsEntry("pmPoshanEligible", true);
        assertThat(admin().get("/api/v1/schools/" + udise).getBody()).containsEntry("name", "PUMS Kattur");

        ConsumerRecord<String, byte[]> record = KafkaProbe.onTestBroker().awaitRecord(SchoolTopics.SCHOOLS, udise);
        CloudEvent envelope = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(envelope.getType()).isEqualTo("in.mdm.school.SchoolRegistered.v1");
        assertThat(envelope.getSource().toString()).isEqualTo("urn:mdm:school-service");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
            .isEqualTo("in.mdm.school.SchoolRegistered.v1");
        SchoolRegistered event = codec.decode(envelope, SchoolRegistered.class);
        assertThat(event.name()).isEqualTo("PUMS Kattur");
        assertThat(event.districtCode()).isEqualTo("568");
        assertThat(envelope.getId()).isEqualTo(event.eventId().toString());

        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(
                    () -> assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()).as("outbox entries left undelivered").isZero());
    }

    @Test
    void aPrivateUnaidedSchoolIsNotEligibleForPmPoshan() {
        ResponseEntity<Map> created = post("""
                {"udiseCode":"33020100102","name":"St. Mary's Matriculation","districtCode":"568","blockCode":"900568",
                 "category":"PRIMARY_WITH_UPPER_PRIMARY","management":"PRIVATE_UNAIDED","ruralUrban":"URBAN"}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("pmPoshanEligible", false);
    }

    @Test
    void aSecondSchoolWithTheSameUdiseCodeIsAConflictAndPublishesNothing() {
        String body = """
                {"udiseCode":"33020100103","name":"GHS Adyar","districtCode":"568","blockCode":"900568",
                 "category":"UPPER_PRIMARY","management":"GOVERNMENT","ruralUrban":"URBAN"}""";
        assertThat(post(body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> again = post(body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).containsEntry("code", "school.duplicate-udise-code");
        assertThat(again.getBody().toString()).doesNotContain("SQL").doesNotContain("schools_pkey");
        KafkaProbe kafka = KafkaProbe.onTestBroker();
        kafka.awaitRecord(SchoolTopics.SCHOOLS, "33020100103");
        assertThat(kafka.keys(SchoolTopics.SCHOOLS, Duration.ofSeconds(3))).as("SchoolRegistered events for the school")
            .containsOnlyOnce("33020100103");
    }

    @Test
    void badInputIsA400NamingEveryBadField() {
        ResponseEntity<Map> response = post("""
                {"udiseCode":"3302","name":"","districtCode":"568","blockCode":"61x",
                 "category":"PRIMARY","management":"GOVERNMENT"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "request.invalid");
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
            .containsExactly("blockCode", "name", "ruralUrban", "udiseCode");
    }

    @Test
    void unknownFieldsAndWrongEnumValuesAreRejectedByName() {
        ResponseEntity<Map> unknown = post("""
                {"udiseCode":"33020100104","name":"X","districtCode":"568","blockCode":"900568",
                 "category":"PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL","headmasterSalary":1}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("code", "request.unknown-field");
        assertThat((String) unknown.getBody().get("detail")).contains("headmasterSalary");

        ResponseEntity<Map> badEnum = post("""
                {"udiseCode":"33020100104","name":"X","districtCode":"568","blockCode":"900568",
                 "category":"SECONDARY","management":"GOVERNMENT","ruralUrban":"RURAL"}""");
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badEnum.getBody().get("detail")).contains("category");

        ResponseEntity<Map> notJson = post("{not json");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getBody()).containsEntry("code", "request.malformed-json");
    }

    @Test
    void anUnknownSchoolIsA404AndABadCodeA400() {
        ResponseEntity<Map> missing = admin().get("/api/v1/schools/33999999999");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("code", "school.not-found");

        ResponseEntity<Map> bad = admin().get("/api/v1/schools/12AB");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("udiseCode");

        ResponseEntity<Map> nowhere = admin().get("/api/v1/nowhere");
        assertThat(nowhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nowhere.getBody()).containsEntry("code", "resource.not-found");
    }

    @Test
    void listsArePagedAndFilteredByDistrictAndBlock() {
        for (int i = 0; i < 3; i++) {
            post("""
                    {"udiseCode":"3303020020%d","name":"School %d","districtCode":"569","blockCode":"6117",
                     "category":"PRIMARY","management":"AIDED","ruralUrban":"RURAL"}""".formatted(i, i));
        }
        Map<String, Object> page = admin().get("/api/v1/schools?districtCode=569&blockCode=6117&size=2&page=1")
            .getBody();
        assertThat(page).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 2);
        assertThat((List<?>) page.get("items")).hasSize(1);

        ResponseEntity<Map> tooBig = admin().get("/api/v1/schools?size=100000");
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void requestIdsAreEchoedAndOperationsEndpointsAnswer() {
        HttpHeaders headers = TestTokens.bearer(TestTokens.admin());
        headers.set("X-Request-Id", "req-42");
        ResponseEntity<String> response = http.exchange("/api/v1/schools", org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-42");

        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("http_server_requests");
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/v1/schools")
            .contains("MDM Twin school-service");
    }

    @Test
    void cachedSchoolsChangeWhenTheirDataDoesAndAnUnchangedOneIsA304() throws Exception {
        String udise = "33020100109";
        String school = """
                {"udiseCode":"%s","name":"%s","districtCode":"568","blockCode":"900568",
                 "category":"PRIMARY","management":"GOVERNMENT","ruralUrban":"RURAL"}""";
        assertThat(post(school.formatted(udise, "PUMS Old Name")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> first = admin().get("/api/v1/schools/" + udise);
        String etag = first.getHeaders().getETag();
        assertThat(etag).isNotBlank();
        assertThat(first.getHeaders().getCacheControl()).contains("no-cache").contains("private");
        assertThat(ifNoneMatch(udise, etag).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

        // changed through the API: the next read has it, and the old ETag no longer
        // matches
        assertThat(admin().put("/api/v1/schools/" + udise, """
                {"name":"PUMS New Name","districtCode":"568","blockCode":"900568","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin().get("/api/v1/schools/" + udise).getBody()).containsEntry("name", "PUMS New Name");
        assertThat(ifNoneMatch(udise, etag).getStatusCode()).isEqualTo(HttpStatus.OK);

        // a kitchen that cooks for it: its kitchenId at once
        String kitchen = (String) admin().post("/api/v1/kitchens", """
                {"name":"Kattur kitchen","districtCode":"568","blockCode":"900568","capacityMeals":900,
                 "schools":["%s"]}""".formatted(udise)).getBody().get("id");
        assertThat(admin().get("/api/v1/schools/" + udise).getBody()).containsEntry("kitchenId", kitchen);

        // changed where only its event tells (another replica, the import): still the
        // cached row until the event arrives, then the new one
        jdbc.sql("update schools set name = 'PUMS Renamed Elsewhere', updated_at = now() where udise_code = :u")
            .param("u", udise)
            .update();
        assertThat(admin().get("/api/v1/schools/" + udise).getBody()).containsEntry("name", "PUMS New Name");
        SchoolUpdated event = new SchoolUpdated(DomainEvent.newId(), java.time.Instant.now(), udise,
                "PUMS Renamed Elsewhere", "568", "900568", "PRIMARY", "GOVERNMENT", "RURAL", true);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            kafka.send(SchoolTopics.SCHOOLS, udise, codec.encode(event)).get();
            return "PUMS Renamed Elsewhere".equals(admin().get("/api/v1/schools/" + udise).getBody().get("name"));
        });
    }

    private ResponseEntity<String> ifNoneMatch(String udise, String etag) {
        HttpHeaders headers = TestTokens.bearer(TestTokens.admin());
        headers.setIfNoneMatch(etag);
        return http.exchange("/api/v1/schools/" + udise, org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<Map> post(String json) {
        return admin().post("/api/v1/schools", json);
    }

    private Api admin() {
        return Api.as(http, TestTokens.admin());
    }

}
