package in.mdm.school;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import in.mdm.events.CloudEventCodec;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SchoolRegistered and SchoolUpdated carry what planning needs: the school's coordinates
 * and the kitchen that cooks for it, whichever path registers or changes the school (by
 * hand, the UDISE import, a kitchen's list of schools).
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class SchoolPlanningEventsIntegrationTests {

    static final String REGISTERED = "in.mdm.school.SchoolRegistered.v1";

    static final String UPDATED = "in.mdm.school.SchoolUpdated.v1";

    @Autowired
    TestRestTemplate http;

    @Autowired
    CloudEventCodec codec;

    Api admin() {
        return Api.as(http, TestTokens.admin());
    }

    String kitchen(String name) {
        ResponseEntity<Map> created = admin().post("/api/v1/kitchens", """
                {"name":"%s","districtCode":"569","blockCode":"6114","capacityMeals":2000}""".formatted(name));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    static String school(String udise, String kitchen) {
        return """
                {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6114","category":"PRIMARY",
                 "management":"GOVERNMENT","ruralUrban":"RURAL","latitude":10.583321,"longitude":76.933345%s}"""
            .formatted(udise, udise, kitchen == null ? "" : ",\"kitchenId\":\"" + kitchen + "\"");
    }

    <T extends in.mdm.events.DomainEvent> List<T> events(String udise, String type, Class<T> as) {
        return Events.of(SchoolTopics.SCHOOLS, udise, type).stream().map(r -> decode(r, as)).toList();
    }

    <T extends in.mdm.events.DomainEvent> T decode(ConsumerRecord<String, byte[]> record, Class<T> as) {
        CloudEvent envelope = KafkaMessageFactory.createReader(record).toEvent();
        return codec.decode(envelope, as);
    }

    @Test
    void aRegisteredSchoolsEventCarriesItsCoordinatesAndKitchenAndAnUpdateTheNewKitchen() {
        String first = kitchen("Planning Kitchen One");
        String second = kitchen("Planning Kitchen Two");
        String udise = "33061200001";
        assertThat(admin().post("/api/v1/schools", school(udise, first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(events(udise, REGISTERED, SchoolRegistered.class)).singleElement().satisfies(e -> {
                        assertThat(e.latitude()).isEqualTo(10.583321);
                        assertThat(e.longitude()).isEqualTo(76.933345);
                        assertThat(e.kitchenId()).isEqualTo(UUID.fromString(first));
                    }));

        String body = school(udise, second).replace("\"udiseCode\":\"" + udise + "\",", "");
        assertThat(admin().put("/api/v1/schools/" + udise, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(events(udise, UPDATED, SchoolUpdated.class)).singleElement().satisfies(e -> {
                        assertThat(e.kitchenId()).isEqualTo(UUID.fromString(second));
                        assertThat(e.latitude()).isEqualTo(10.583321);
                        assertThat(e.longitude()).isEqualTo(76.933345);
                    }));
    }

    @Test
    void aSchoolWithoutCoordinatesOrKitchenCarriesNulls() {
        String udise = "33061200002";
        assertThat(
                admin()
                    .post("/api/v1/schools",
                            """
                                    {"udiseCode":"%s","name":"School %s","districtCode":"569","blockCode":"6114","category":"PRIMARY",
                                     "management":"GOVERNMENT","ruralUrban":"RURAL"}"""
                                .formatted(udise, udise))
                    .getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(events(udise, REGISTERED, SchoolRegistered.class)).singleElement().satisfies(e -> {
                        assertThat(e.latitude()).isNull();
                        assertThat(e.longitude()).isNull();
                        assertThat(e.kitchenId()).isNull();
                    }));
    }

    @Test
    void aKitchensNewListOfSchoolsPublishesSchoolUpdatedForEverySchoolWhoseKitchenChanged() {
        String kept = "33061200011";
        String joining = "33061200012";
        String leaving = "33061200013";
        String kitchen = kitchen("Planning Kitchen Three");
        for (String udise : List.of(kept, leaving)) {
            assertThat(admin().post("/api/v1/schools", school(udise, kitchen)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        }
        assertThat(admin().post("/api/v1/schools", school(joining, null)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);

        assertThat(admin()
            .put("/api/v1/kitchens/" + kitchen,
                    """
                            {"name":"Planning Kitchen Three","districtCode":"569","blockCode":"6114","schools":["%s","%s"]}"""
                        .formatted(kept, joining))
            .getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events(joining, UPDATED, SchoolUpdated.class)).singleElement().satisfies(e -> {
                assertThat(e.kitchenId()).isEqualTo(UUID.fromString(kitchen));
                assertThat(e.latitude()).isEqualTo(10.583321);
                assertThat(e.name()).isEqualTo("School " + joining);
            });
            assertThat(events(leaving, UPDATED, SchoolUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.kitchenId()).isNull());
        });
        assertThat(events(kept, UPDATED, SchoolUpdated.class)).as("its kitchen did not change").isEmpty();
    }

    @Test
    void anImportedRowsCoordinatesAreCarried() {
        String csv = """
                udise_code,school_name,district_code,block_code,category,management,rural_urban,latitude,longitude
                33061200021,PUMS Imported,569,6114,Primary,Government,Rural,11.0168,76.9558
                """;
        HttpHeaders headers = TestTokens.bearer(TestTokens.admin());
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map> accepted = http.exchange("/api/v1/schools/import?academicYear=2026-27", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(admin().get(location).getBody()).containsEntry("status", "SUCCEEDED")
                .containsEntry("inserted", 1));

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(events("33061200021", REGISTERED, SchoolRegistered.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.latitude()).isEqualTo(11.0168);
                    assertThat(e.longitude()).isEqualTo(76.9558);
                    assertThat(e.kitchenId()).isNull();
                }));
    }

}
