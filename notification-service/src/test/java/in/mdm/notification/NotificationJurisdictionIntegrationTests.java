package in.mdm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.Jurisdiction;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserRegistered;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

/**
 * The test kit's jurisdiction contract on notification-service's reads. A notification
 * belongs to its recipient: district A's officer reads the one a CRITICAL alert of a
 * school of A sent it, and so does the state ADMIN; district B's officer, and people of
 * district A who were not its recipients (the officer of another block, the headmaster of
 * another school), get the same 404 as for a notification that does not exist. The inbox
 * is each caller's own: it lists the caller's notifications and nobody else's, the
 * ADMIN's included (the contract's list check, which expects the ADMIN to list everyone's
 * rows, does not apply to a personal inbox, so it is checked here by hand with the same
 * callers).
 */
class NotificationJurisdictionIntegrationTests extends NotificationIntegrationTest {

    static final CloudEventCodec AUTH = CloudEventCodec.forService("auth-service");

    static final CloudEventCodec ALERTS = CloudEventCodec.forService("alert-service");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @LocalServerPort
    int port;

    String districtA;

    String districtB;

    String otherBlockOfA;

    String otherSchoolOfA;

    UUID ofA;

    UUID ofB;

    @BeforeEach
    void aNotificationInEachDistrict() throws Exception {
        http.getRestTemplate().setInterceptors(List.of());
        districtA = code(5);
        districtB = code(5);
        String blockA = code(6);
        otherBlockOfA = code(6);
        String schoolA = code(11);
        otherSchoolOfA = code(11);
        String blockB = code(6);
        String schoolB = code(11);
        place(schoolA, districtA, blockA);
        place(otherSchoolOfA, districtA, otherBlockOfA);
        place(schoolB, districtB, blockB);

        // the usernames are the subjects of the kit's tokens for these callers
        UUID officerA = user("deo." + districtA, "OFFICER", Jurisdiction.district(districtA));
        UUID officerB = user("deo." + districtB, "OFFICER", Jurisdiction.district(districtB));
        user("beo." + otherBlockOfA, "OFFICER", Jurisdiction.block(otherBlockOfA));
        user("hm." + otherSchoolOfA, "SCHOOL", Jurisdiction.school(otherSchoolOfA));

        AlertRaised inA = alert(schoolA);
        AlertRaised inB = alert(schoolB);
        publish(ALERTS, inA);
        publish(ALERTS, inB);
        ofA = notificationOf(inA, officerA);
        ofB = notificationOf(inB, officerB);
    }

    @Test
    void aNotificationIsReadByItsRecipientAndTheAdminOnlyAndEveryInboxIsItsOwn() {
        JurisdictionContract.at("http://localhost:" + port)
            .districts(districtA, districtB)
            .outsider("the officer of another block of " + districtA, TestTokens.blockOfficer(otherBlockOfA))
            .outsider("the headmaster of another school of " + districtA, TestTokens.school(otherSchoolOfA))
            .read("/api/v1/notifications/" + ofA)
            .verify();

        // marking read: another caller's attempt is the same 404 and changes nothing
        for (String stranger : List.of(TestTokens.officer(districtB), TestTokens.blockOfficer(otherBlockOfA),
                TestTokens.school(otherSchoolOfA))) {
            ProblemAssertions.assertProblem(post("/api/v1/notifications/" + ofA + "/read", stranger),
                    HttpStatus.NOT_FOUND, "notification.not-found");
        }
        assertThat(jdbc.sql("select read_at is null from notifications where id = :id")
            .param("id", ofA)
            .query(Boolean.class)
            .single()).as("still unread").isTrue();

        // the inbox: each caller's own rows, nobody else's
        ProblemAssertions.assertTokenRequired(token -> get("/api/v1/notifications?size=500", token));
        assertThat(inbox(TestTokens.officer(districtA))).contains(ofA.toString()).doesNotContain(ofB.toString());
        assertThat(inbox(TestTokens.officer(districtB))).contains(ofB.toString()).doesNotContain(ofA.toString());
        for (String other : List.of(TestTokens.admin(), TestTokens.blockOfficer(otherBlockOfA),
                TestTokens.school(otherSchoolOfA))) {
            assertThat(inbox(other)).doesNotContainAnyElementsOf(Set.of(ofA.toString(), ofB.toString()));
        }
    }

    // ---------------------------------------------------------------- helpers

    void place(String udise, String district, String block) {
        jdbc.sql("""
                insert into school_locations (udise_code, district_code, block_code, occurred_at, event_id)
                values (:udise, :district, :block, now(), :event)""")
            .param("udise", udise)
            .param("district", district)
            .param("block", block)
            .param("event", UUID.randomUUID())
            .update();
    }

    /** A user registered and activated through auth-service's events. */
    UUID user(String username, String role, Jurisdiction jurisdiction) throws Exception {
        UUID id = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        publish(AUTH, new UserRegistered(DomainEvent.newId(), t, id, username, username + "@mdm.test", "+919" + code(9),
                "Name " + username, role, jurisdiction, "en", "token-" + code(10), t.plus(Duration.ofHours(24))));
        publish(AUTH, new UserActivated(DomainEvent.newId(), t.plusSeconds(1), id, username));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("select count(*) from recipients where user_id = :id and status = 'ACTIVE'")
                .param("id", id)
                .query(Long.class)
                .single() == 1);
        return id;
    }

    AlertRaised alert(String udise) {
        return new AlertRaised(DomainEvent.newId(), Instant.now(), UUID.randomUUID(), "TEST_RULE", "CRITICAL",
                "Rice out of stock", "The school has no rice", Jurisdiction.school(udise), udise, null);
    }

    /** The alert's notification of the user (the user's activation e-mail is another). */
    UUID notificationOf(AlertRaised alert, UUID user) {
        return await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("select id from notifications where event_id = :event and user_id = :user")
                .param("event", alert.eventId())
                .param("user", user)
                .query(UUID.class)
                .optional()
                .orElse(null), id -> id != null);
    }

    void publish(CloudEventCodec codec, DomainEvent event) throws Exception {
        String topic = EventCatalog.events().forClass(event.getClass()).topic();
        kafka.send(topic, event.aggregateId(), codec.encode(event)).get();
    }

    @SuppressWarnings("unchecked")
    List<String> inbox(String token) {
        ResponseEntity<Map> page = get("/api/v1/notifications?size=500", token);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream()
            .map(item -> String.valueOf(item.get("id")))
            .toList();
    }

    ResponseEntity<Map> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), Map.class);
    }

    ResponseEntity<Map> post(String path, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers(token)), Map.class);
    }

    static HttpHeaders headers(String token) {
        return token == null ? new HttpHeaders() : TestTokens.bearer(token);
    }

    static String code(int digits) {
        StringBuilder code = new StringBuilder();
        code.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < digits; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.toString();
    }

}
