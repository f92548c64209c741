package in.mdm.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudevents.CloudEvent;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.Jurisdiction;
import in.mdm.events.alert.AlertEscalated;
import in.mdm.events.alert.AlertRaised;
import in.mdm.events.auth.UserActivated;
import in.mdm.events.auth.UserRegistered;
import in.mdm.events.auth.UserUpdated;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.notification.NotificationFailed;
import in.mdm.events.notification.NotificationTopics;
import in.mdm.events.report.ReportReady;
import in.mdm.notification.delivery.DeliverySender;
import in.mdm.notification.delivery.Digests;
import in.mdm.notification.privacy.PersonalDataEncryption;
import in.mdm.notification.privacy.PersonalFields;
import in.mdm.platform.security.crypto.FieldCipher;
import in.mdm.platform.security.crypto.EventSeal;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts, account e-mails and broadcasts reach the right people once per channel, in
 * their language, through a real SMTP server (GreenMail) and an SMS gateway (WireMock);
 * preferences hold what may wait; failures are retried, then visible, then resent.
 */
class DeliveryIntegrationTests extends NotificationIntegrationTest {

    static final CloudEventCodec AUTH = CloudEventCodec.forService("auth-service");

    static final CloudEventCodec ALERTS = CloudEventCodec.forService("alert-service");

    static final String DLT_ALERT_TA = "1107000000000000002";

    static final String DLT_ALERT_EN = "1107000000000000001";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    DeliverySender sender;

    @Autowired
    Digests digests;

    @Autowired
    PersonalDataEncryption encryption;

    @Autowired
    EventSeal seal;

    @Autowired
    in.mdm.notification.recipient.Recipients recipientsOf;

    static final String OLD_KEY = "bm90aWZpY2F0aW9uLXRlc3Qta2V5LTIwMjUtbm90LWY=";

    static final String KEY = "bm90aWZpY2F0aW9uLXRlc3Qta2V5LTIwMjYtbm90LWY=";

    static final String INDEX_KEY = "bm90aWZpY2F0aW9uLXRlc3QtaW5kZXgta2V5LW5vdC0=";

    /**
     * The service's ring (test {@code config/application.properties}), to read what the
     * rows hold.
     */
    static final FieldCipher RING = FieldCipher.ofBase64(Map.of("n2025", OLD_KEY, "n2026", KEY), "n2026", INDEX_KEY);

    @BeforeEach
    void gatewayAccepts() {
        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
        SMS_GATEWAY.resetAll();
        SMS_GATEWAY.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void aCriticalSchoolAlertReachesHeadmasterBlockAndDistrictOfficerOncePerChannelInTheirLanguage() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "ta");
        User beo = user("OFFICER", Jurisdiction.block(place.block), "en");
        User deo = user("OFFICER", Jurisdiction.district(place.district), "en");
        User otherDistrict = user("OFFICER", Jurisdiction.district(code(5)), "en");

        AlertRaised alert = alert(place.udise, "CRITICAL", "No meal served", "PM POSHAN meal not served today");
        publish(ALERTS, alert);

        for (User u : List.of(hm, beo, deo)) {
            awaitMail(u.email, 1);
            awaitSms(u.phone, 1);
        }
        MimeMessage tamil = mails(hm.email).getFirst();
        assertThat(tamil.getSubject()).isEqualTo("[CRITICAL] No meal served");
        assertThat((String) tamil.getContent()).contains("எச்சரிக்கை").contains("school " + place.udise);
        assertThat((String) mails(deo.email).getFirst().getContent()).contains("An alert was raised for school");

        LoggedRequest tamilSms = sms(hm.phone).getFirst();
        assertThat(tamilSms.getHeader("X-Api-Key")).isEqualTo(SMS_KEY);
        assertThat(tamilSms.getBodyAsString()).contains("\"dltTemplateId\":\"" + DLT_ALERT_TA + "\"")
            .contains("\"encoding\":\"UCS2\"")
            .contains("\"parts\":2")
            .contains("-இல் No meal served")
            .contains("\"sender\":\"MDMTWN\"");
        assertThat(sms(beo.phone).getFirst().getBodyAsString()).contains("\"dltTemplateId\":\"" + DLT_ALERT_EN + "\"")
            .contains("\"encoding\":\"GSM7\"")
            .contains("\"parts\":1");
        assertThat(inbox(hm)).extracting(n -> n.get("title")).containsExactly("எச்சரிக்கை: No meal served");
        assertThat(mails(otherDistrict.email)).isEmpty();
        assertThat(sms(otherDistrict.phone)).isEmpty();

        // the same event again: the inbox drops it
        publish(ALERTS, alert);
        // and again after the inbox forgot it: the deliveries' keys (event, recipient,
        // channel) hold
        jdbc.sql("delete from processed_events where event_id = :id").param("id", alert.eventId().toString()).update();
        publish(ALERTS, alert);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("select count(*) from processed_events where event_id = :id")
                .param("id", alert.eventId().toString())
                .query(Long.class)
                .single() > 0);
        sender.sendDue();
        Thread.sleep(500);
        for (User u : List.of(hm, beo, deo)) {
            assertThat(mails(u.email)).hasSize(1);
            assertThat(sms(u.phone)).hasSize(1);
            assertThat(inbox(u)).hasSize(1);
        }
        assertThat(jdbc.sql("""
                select count(*) from deliveries d join notifications n on n.id = d.notification_id
                 where n.event_id = :id""").param("id", alert.eventId()).query(Long.class).single()).isEqualTo(9L);
    }

    @Test
    void quietHoursAndTheDigestHoldInfoAndWarningWhileCriticalGoesAtOnce() throws Exception {
        Place place = place();
        User quiet = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        User digest = user("OFFICER", Jurisdiction.block(place.block), "en");
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Kolkata")).withSecond(0).withNano(0);
        preferences(quiet, "{\"email\":true,\"sms\":true,\"inApp\":true,\"quietFrom\":\"" + now.minusHours(1)
                + "\",\"quietUntil\":\"" + now.plusHours(1) + "\",\"digest\":\"NONE\"}");
        preferences(digest, "{\"email\":true,\"sms\":true,\"inApp\":true,\"digest\":\"HOURLY\"}");

        AlertRaised warning = alert(place.udise, "WARNING", "Stock running low", "Rice for 2 days left");
        publish(ALERTS, warning);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(quiet).size() == 1 && inbox(digest).size() == 1);
        sender.sendDue();
        assertThat(statuses(warning, quiet)).containsOnly("PENDING");
        Instant due = jdbc.sql("""
                select min(d.due_at) from deliveries d join notifications n on n.id = d.notification_id
                 where n.event_id = :event and n.user_id = :user and d.channel <> 'IN_APP'""")
            .param("event", warning.eventId())
            .param("user", quiet.id)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
        assertThat(due).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(statuses(warning, digest)).containsOnly("HELD");

        AlertRaised critical = alert(place.udise, "CRITICAL", "Food poisoning suspected", "Children taken ill");
        publish(ALERTS, critical);
        awaitMail(quiet.email, 1);
        awaitMail(digest.email, 1);
        assertThat(mails(quiet.email).getFirst().getSubject()).isEqualTo("[CRITICAL] Food poisoning suspected");
        awaitSms(quiet.phone, 1);

        assertThat(digests.send(false, Instant.now())).isEqualTo(1);
        awaitMail(digest.email, 2);
        MimeMessage summary = mails(digest.email).stream()
            .filter(m -> subject(m).startsWith("MDM Twin: 1 notifications"))
            .findFirst()
            .orElseThrow();
        assertThat((String) summary.getContent()).contains("[WARNING]").contains("Stock running low");
        assertThat(statuses(warning, digest)).containsOnly("DIGESTED");
        assertThat(digests.send(false, Instant.now())).isZero();
        Thread.sleep(500);
        assertThat(mails(digest.email)).hasSize(2);
        assertThat(sms(digest.phone)).hasSize(1); // the critical one only
    }

    @Test
    void anSmsGatewayRedirectIsNeitherFollowedNorTakenForSent() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        // the address a hostile or misconfigured gateway points at: inside the cluster
        SMS_GATEWAY.stubFor(post(urlEqualTo("/internal/messages")).willReturn(aResponse().withStatus(202)));
        SMS_GATEWAY.stubFor(post(urlEqualTo("/messages")).atPriority(1)
            .withRequestBody(matchingJsonPath("$.to", equalTo(hm.phone)))
            .willReturn(
                    aResponse().withStatus(307).withHeader("Location", SMS_GATEWAY.baseUrl() + "/internal/messages")));

        AlertRaised alert = alert(place.udise, "CRITICAL", "Water supply cut", "No water for cooking");
        publish(ALERTS, alert);
        UUID notification = await().atMost(Duration.ofSeconds(30))
            .until(() -> notificationOf(alert, hm), id -> id != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(notification, "SMS")));
        assertThat(sms(hm.phone)).as("asked once: a redirect is a refusal, not a reason to retry").hasSize(1);
        assertThat(SMS_GATEWAY.findAll(postRequestedFor(urlEqualTo("/internal/messages")))).as("never followed")
            .isEmpty();
        assertThat(jdbc.sql("select last_error from deliveries where notification_id = ? and channel = 'SMS'")
            .param(notification)
            .query(String.class)
            .single()).contains("SMS gateway answered 307");
    }

    @Test
    void aFailingSmsIsRetriedThenFailsVisiblyAndIsResentByAnAdmin() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        SMS_GATEWAY.stubFor(post(urlEqualTo("/messages")).atPriority(1)
            .withRequestBody(matchingJsonPath("$.to", equalTo(hm.phone)))
            .willReturn(aResponse().withStatus(503)));

        AlertRaised alert = alert(place.udise, "CRITICAL", "Kitchen fire", "Cooking stopped");
        publish(ALERTS, alert);
        UUID notification = await().atMost(Duration.ofSeconds(30))
            .until(() -> notificationOf(alert, hm), id -> id != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(notification, "SMS")));
        awaitMail(hm.email, 1);
        assertThat(sms(hm.phone)).hasSize(3);

        http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())));
        Map<String, Object> detail = http.getForObject("/api/v1/notifications/" + notification, Map.class);
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) detail.get("deliveries");
        assertThat(deliveries).filteredOn(d -> "SMS".equals(d.get("channel")))
            .singleElement()
            .satisfies(d -> assertThat(d).containsEntry("status", "FAILED")
                .containsEntry("attempts", 3)
                .containsEntry("lastError", "SMS gateway answered 503"));
        assertThat((List<Map<String, Object>>) detail.get("attempts")).filteredOn(a -> "SMS".equals(a.get("channel")))
            .extracting(a -> a.get("outcome"))
            .containsExactly("RETRY", "RETRY", "FAILED");
        assertThat(KafkaProbe.onTestBroker().keys(NotificationTopics.DELIVERIES, Duration.ofSeconds(3)))
            .contains(notification.toString());
        assertThat(failedEvents(notification)).singleElement().satisfies(f -> assertThat(f.channel()).isEqualTo("SMS"));

        SMS_GATEWAY.resetAll();
        SMS_GATEWAY.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
        ResponseEntity<Map> resent = http.postForEntity("/api/v1/notifications/" + notification + "/resend", null,
                Map.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(notification, "SMS")));
        awaitSms(hm.phone, 1);
        assertThat(mails(hm.email)).hasSize(1); // the e-mail was not sent again

        ResponseEntity<Map> nothing = http.postForEntity("/api/v1/notifications/" + notification + "/resend", null,
                Map.class);
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(nothing.getBody()).containsEntry("code", "notification.nothing-to-resend");
        ResponseEntity<Map> asHeadmaster = http.exchange("/api/v1/notifications/" + notification + "/resend",
                HttpMethod.POST, new HttpEntity<>(TestTokens.bearer(hm.token())), Map.class);
        assertThat(asHeadmaster.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAccountEventWithItsPersonalDataSealedIsOpenedToReachThePerson() throws Exception {
        String username = "hm" + code(8);
        UUID id = UUID.randomUUID();
        String email = username + "@schools.test";
        String type = "in.mdm.auth.UserRegistered.v1";
        String token = "tok-" + code(10);
        publish(AUTH,
                new UserRegistered(DomainEvent.newId(), Instant.now(), id, username, seal.seal(type, "email", email),
                        seal.seal(type, "phone", "+919443000321"), seal.seal(type, "displayName", "Tmt. Revathi"),
                        "SCHOOL", Jurisdiction.school(code(11)), "en", seal.seal(type, "activationToken", token),
                        Instant.now().plus(Duration.ofHours(24))));

        awaitMail(email, 1);
        assertThat((String) mails(email).getFirst().getContent()).contains("http://mdm.test/activate?token=" + token)
            .contains("Tmt. Revathi")
            .doesNotContain(EventSeal.PREFIX);
        // the copy kept is this service's own encryption of the plain values, not the
        // seal
        Map<String, Object> row = jdbc.sql("select email_enc, phone_enc from recipients where user_id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).doesNotStartWith(EventSeal.PREFIX));
        assertThat(recipientsOf.find(id).orElseThrow().phone()).isEqualTo("+919443000321");
    }

    @Test
    void theActivationMailCarriesTheLinkInTheUsersLanguage() throws Exception {
        String username = "hm" + code(8);
        UUID id = UUID.randomUUID();
        String email = username + "@schools.test";
        UserRegistered registered = new UserRegistered(DomainEvent.newId(), Instant.now(), id, username, email, null,
                "Tmt. Kavitha", "SCHOOL", Jurisdiction.school(code(11)), "ta", "tok-" + code(10),
                Instant.now().plus(Duration.ofHours(24)));
        publish(AUTH, registered);

        awaitMail(email, 1);
        MimeMessage mail = mails(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("உங்கள் MDM Twin கணக்கைச் செயல்படுத்துங்கள்");
        // its Message-ID is the delivery's, the same on any attempt
        UUID delivery = jdbc.sql("select id from deliveries where notification_id = :n and channel = 'EMAIL'")
            .param("n", UUID.fromString(mail.getHeader("X-MDM-Notification")[0]))
            .query(UUID.class)
            .single();
        assertThat(mail.getMessageID()).isEqualTo("<" + delivery + "@notifications.mdm-twin>");
        assertThat((String) mail.getContent())
            .contains("http://mdm.test/activate?token=" + registered.activationToken())
            .contains("அன்புள்ள Tmt. Kavitha")
            .contains(username);
        assertThat(jdbc.sql("select status from recipients where user_id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("PENDING_ACTIVATION");
    }

    @Test
    void anotherUsersNotificationIsA404AndTheOwnerMarksItRead() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        User stranger = user("SCHOOL", Jurisdiction.school(code(11)), "en");
        AlertRaised alert = alert(place.udise, "INFO", "Inspection scheduled", "Visit on Monday");
        publish(ALERTS, alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(hm).size() == 1);
        String id = (String) inbox(hm).getFirst().get("id");

        for (String path : List.of("/api/v1/notifications/" + id, "/api/v1/notifications/" + id + "/read")) {
            HttpMethod method = path.endsWith("/read") ? HttpMethod.POST : HttpMethod.GET;
            ResponseEntity<Map> response = http.exchange(path, method,
                    new HttpEntity<>(TestTokens.bearer(stranger.token())), Map.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).containsEntry("code", "notification.not-found");
        }
        assertThat(inbox(stranger)).isEmpty();

        ResponseEntity<Map> read = http.exchange("/api/v1/notifications/" + id + "/read", HttpMethod.POST,
                new HttpEntity<>(TestTokens.bearer(hm.token())), Map.class);
        assertThat(read.getBody()).containsEntry("read", true);
        assertThat(http
            .exchange("/api/v1/notifications?unread=true", HttpMethod.GET,
                    new HttpEntity<>(TestTokens.bearer(hm.token())), Map.class)
            .getBody()).containsEntry("total", 0);
    }

    @Test
    void anAdminBroadcastsToADistrictAndOthersMayNot() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "ta");
        User deo = user("OFFICER", Jurisdiction.district(place.district), "en");
        User elsewhere = user("OFFICER", Jurisdiction.district(code(5)), "en");
        String body = "{\"jurisdictionLevel\":\"DISTRICT\",\"jurisdictionCode\":\"" + place.district
                + "\",\"severity\":\"CRITICAL\",\"title\":\"Heat wave\",\"message\":\"Serve meals before noon\","
                + "\"channels\":[\"EMAIL\",\"IN_APP\"]}";

        ResponseEntity<Map> refused = http.exchange("/api/v1/notifications/broadcast", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(deo.token())), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> sent = http.exchange("/api/v1/notifications/broadcast", HttpMethod.POST,
                new HttpEntity<>(body, TestTokens.bearer(TestTokens.admin())), Map.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sent.getBody()).containsEntry("recipients", 2);
        awaitMail(hm.email, 1);
        awaitMail(deo.email, 1);
        assertThat(mails(hm.email).getFirst().getSubject()).isEqualTo("Heat wave");
        assertThat((String) mails(hm.email).getFirst().getContent()).contains("மாநில நிர்வாகம்");
        assertThat(inbox(deo)).extracting(n -> n.get("title")).containsExactly("Heat wave");
        assertThat(sms(hm.phone)).isEmpty();
        assertThat(mails(elsewhere.email)).isEmpty();
    }

    @Test
    void escalationsFundReleasesAndReportsReachTheirPeople() throws Exception {
        Place place = place();
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        User deo = user("OFFICER", Jurisdiction.district(place.district), "ta");
        AlertRaised alert = alert(place.udise, "WARNING", "Attendance dropped", "Half the pupils absent");
        publish(ALERTS, alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(hm).size() == 1 && inbox(deo).size() == 1);

        publish(ALERTS, new AlertEscalated(DomainEvent.newId(), Instant.now(), alert.alertId(), "CRITICAL",
                Jurisdiction.block(place.block), Jurisdiction.district(place.district)));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(deo).size() == 2);
        assertThat(inbox(deo).getFirst()).containsEntry("title", "உயர்த்தப்பட்டது: Attendance dropped")
            .containsEntry("severity", "CRITICAL");
        assertThat(inbox(hm)).hasSize(1);

        publish(CloudEventCodec.forService("finance-service"),
                new FundReleased(DomainEvent.newId(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                        Jurisdiction.district(place.district), new java.math.BigDecimal("1250000.50")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(deo).size() == 3);
        assertThat((String) inbox(deo).getFirst().get("body")).contains("₹12,50,000.50");

        publish(CloudEventCodec.forService("report-service"), new ReportReady(DomainEvent.newId(), Instant.now(),
                UUID.randomUUID(), "MONTHLY_MEALS", "PDF", hm.username, "/api/v1/reports/r1/file"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(hm).size() == 2);
        assertThat(inbox(hm).getFirst()).containsEntry("title", "Report ready: MONTHLY_MEALS");
        assertThat((String) inbox(hm).getFirst().get("body"))
            .isEqualTo("Download it: http://localhost:8080/api/v1/reports/r1/file");
    }

    @Test
    void aScheduledReportReachesEveryRecipientOnce() throws Exception {
        Place place = place();
        User creator = user("OFFICER", Jurisdiction.district(place.district), "en");
        User named = user("OFFICER", Jurisdiction.district(place.district), "en");
        UUID reportId = UUID.randomUUID();
        // the creator named again, and someone the service has never heard of
        ReportReady ready = new ReportReady(DomainEvent.newId(), Instant.now(), reportId, "PERFORMANCE", "XLSX",
                creator.username, "/api/v1/reports/download/" + reportId,
                List.of(named.username, creator.username, "nobody-" + reportId));
        publish(CloudEventCodec.forService("report-service"), ready);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(creator).size() == 1 && inbox(named).size() == 1);
        assertThat((String) inbox(named).getFirst().get("body")).endsWith("/api/v1/reports/download/" + reportId);
        // the same event again (a redelivery) tells nobody twice
        publish(CloudEventCodec.forService("report-service"), ready);
        Thread.sleep(2000);
        assertThat(inbox(creator)).hasSize(1);
        assertThat(inbox(named)).hasSize(1);
    }

    @Test
    void aMovedOrDisabledUserIsRoutedByItsNewestProfile() throws Exception {
        Place place = place();
        Place other = place();
        User officer = user("OFFICER", Jurisdiction.district(place.district), "en");
        User hm = user("SCHOOL", Jurisdiction.school(place.udise), "en");
        Instant now = Instant.now();
        publish(AUTH, new UserUpdated(DomainEvent.newId(), now, officer.id, officer.username, officer.email,
                officer.phone, "Moved", "OFFICER", Jurisdiction.district(other.district), "en", "ACTIVE"));
        publish(AUTH, new UserUpdated(DomainEvent.newId(), now, hm.id, hm.username, hm.email, hm.phone, "Gone",
                "SCHOOL", Jurisdiction.school(place.udise), "en", "DISABLED"));
        // an older event arriving later changes nothing
        publish(AUTH,
                new UserUpdated(DomainEvent.newId(), now.minusSeconds(30), officer.id, officer.username, officer.email,
                        officer.phone, "Stale", "OFFICER", Jurisdiction.district(place.district), "en", "ACTIVE"));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc
                .sql("select count(*) from recipients where (user_id = :officer and jurisdiction_code = :moved) "
                        + "or (user_id = :hm and status = 'DISABLED')")
                .param("officer", officer.id)
                .param("moved", other.district)
                .param("hm", hm.id)
                .query(Long.class)
                .single() == 2);
        Thread.sleep(1000);

        publish(ALERTS, alert(place.udise, "CRITICAL", "No cook today", "The cook is ill"));
        publish(ALERTS, alert(other.udise, "CRITICAL", "Gas cylinder empty", "No gas"));
        awaitMail(officer.email, 1);
        Thread.sleep(1000);
        assertThat(mails(officer.email)).singleElement()
            .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[CRITICAL] Gas cylinder empty"));
        assertThat(mails(hm.email)).isEmpty();

        ResponseEntity<Map> unknown = http.exchange("/api/v1/notifications/preferences", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.school(code(11)))), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "notification.recipient.not-found");
        ResponseEntity<Map> halfQuiet = http.exchange("/api/v1/notifications/preferences", HttpMethod.PUT,
                new HttpEntity<>(
                        "{\"email\":true,\"sms\":true,\"inApp\":true,\"quietFrom\":\"21:00\",\"digest\":\"NONE\"}",
                        TestTokens.bearer(officer.token())),
                Map.class);
        assertThat(halfQuiet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(halfQuiet.getBody()).containsEntry("code", "notification.preferences.quiet-hours");
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void recipientsAndTheirAddressesAreEncryptedAtRestAndMessagesStillReachThem() throws Exception {
        Place place = place();
        // the activation e-mail reached the officer: its address was decrypted to send it
        User deo = user("OFFICER", Jurisdiction.district(place.district), "en");
        Map<String, Object> row = jdbc
            .sql("select email, phone, display_name, email_enc, phone_enc, display_name_enc from recipients "
                    + "where user_id = :id")
            .param("id", deo.id)
            .query()
            .singleRow();
        assertThat(row.get("email")).as("no plain e-mail").isNull();
        assertThat(row.get("phone")).as("no plain phone").isNull();
        assertThat(row.get("display_name")).as("no plain name").isNull();
        assertThat((String) row.get("email_enc")).startsWith("v1:n2026:").doesNotContain(deo.username);
        assertThat(RING.decrypt(PersonalFields.EMAIL, (String) row.get("email_enc"))).isEqualTo(deo.email);
        assertThat(RING.decrypt(PersonalFields.PHONE, (String) row.get("phone_enc"))).isEqualTo(deo.phone);
        assertThat(RING.decrypt(PersonalFields.NAME, (String) row.get("display_name_enc")))
            .isEqualTo("Name " + deo.username);

        publish(ALERTS, alert(place.udise, "CRITICAL", "Encrypted at rest", "A test alert"));
        awaitMail(deo.email, 1);
        awaitSms(deo.phone, 1);
        List<Map<String, Object>> deliveries = jdbc
            .sql("select d.channel, d.address, d.address_enc from deliveries d "
                    + "join notifications n on n.id = d.notification_id where n.username = :username")
            .param("username", deo.username)
            .query()
            .listOfRows();
        assertThat(deliveries).as("the officer's deliveries").isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.get("address")).as("no plain address").isNull();
            String expected = switch ((String) delivery.get("channel")) {
                case "EMAIL" -> deo.email;
                case "SMS" -> deo.phone;
                default -> null;
            };
            assertThat(RING.decrypt(PersonalFields.ADDRESS, (String) delivery.get("address_enc"))).isEqualTo(expected);
        });
    }

    @Test
    void plainRowsAreEncryptedAndTheRotationReencryptsWhatAnOldKeyHolds() {
        FieldCipher oldRing = FieldCipher.ofBase64(Map.of("n2025", OLD_KEY, "n2026", KEY), "n2025", INDEX_KEY);
        UUID plain = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        String username = "plain." + code(8);
        jdbc.sql("""
                insert into recipients (user_id, username, email, phone, display_name, role, jurisdiction_level,
                                        jurisdiction_code, language, status, occurred_at)
                values (:id, :username, :email, '+919840000111', 'Plain Name', 'OFFICER', 'DISTRICT', '999', 'en',
                        'ACTIVE', now())""")
            .param("id", plain)
            .param("username", username)
            .param("email", username + "@mdm.test")
            .update();
        jdbc.sql("""
                insert into recipients (user_id, username, email_enc, phone_enc, display_name_enc, role,
                                        jurisdiction_level, jurisdiction_code, language, status, occurred_at)
                values (:id, :username, :email, :phone, :name, 'OFFICER', 'DISTRICT', '999', 'en', 'ACTIVE', now())""")
            .param("id", old)
            .param("username", "old." + code(8))
            .param("email", oldRing.encrypt(PersonalFields.EMAIL, "old@mdm.test"))
            .param("phone", oldRing.encrypt(PersonalFields.PHONE, "+919840000222"))
            .param("name", oldRing.encrypt(PersonalFields.NAME, "Old Name"))
            .update();

        assertThat(encryption.encryptPlainRows()).as("plain rows encrypted").isPositive();
        Map<String, Object> encrypted = jdbc
            .sql("select email, phone, display_name, email_enc, phone_enc, display_name_enc from recipients "
                    + "where user_id = :id")
            .param("id", plain)
            .query()
            .singleRow();
        assertThat(encrypted.get("email")).isNull();
        assertThat(encrypted.get("phone")).isNull();
        assertThat(encrypted.get("display_name")).isNull();
        assertThat(RING.decrypt(PersonalFields.EMAIL, (String) encrypted.get("email_enc")))
            .isEqualTo(username + "@mdm.test");
        assertThat(RING.decrypt(PersonalFields.PHONE, (String) encrypted.get("phone_enc"))).isEqualTo("+919840000111");
        assertThat(RING.decrypt(PersonalFields.NAME, (String) encrypted.get("display_name_enc")))
            .isEqualTo("Plain Name");
        assertThat(encryption.progress().rowsByKey()).as("rows per key before the rotation").containsKey("n2025");

        encryption.startRotation();
        await().atMost(Duration.ofSeconds(30)).until(() -> !encryption.progress().running());
        assertThat(encryption.progress().remaining()).as("rows left under another key or in plain text").isZero();
        assertThat(encryption.progress().rowsByKey()).as("rows per key after the rotation").doesNotContainKey("n2025");
        Map<String, Object> rotated = jdbc
            .sql("select email_enc, phone_enc, display_name_enc from recipients where user_id = :id")
            .param("id", old)
            .query()
            .singleRow();
        assertThat((String) rotated.get("email_enc")).startsWith("v1:n2026:");
        assertThat(RING.decrypt(PersonalFields.EMAIL, (String) rotated.get("email_enc"))).isEqualTo("old@mdm.test");
        assertThat(RING.decrypt(PersonalFields.PHONE, (String) rotated.get("phone_enc"))).isEqualTo("+919840000222");
        assertThat(RING.decrypt(PersonalFields.NAME, (String) rotated.get("display_name_enc"))).isEqualTo("Old Name");
    }

    record Place(String udise, String block, String district) {
    }

    record User(UUID id, String username, String email, String phone, Jurisdiction jurisdiction, String role) {

        String token() {
            return TestTokens.token()
                .subject(username)
                .roles(role)
                .jurisdiction(jurisdiction.level().name(), jurisdiction.code())
                .build();
        }

    }

    Place place() {
        Place place = new Place(code(11), code(6), code(5));
        jdbc.sql("""
                insert into school_locations (udise_code, district_code, block_code, occurred_at, event_id)
                values (:udise, :district, :block, now(), :event)""")
            .param("udise", place.udise)
            .param("district", place.district)
            .param("block", place.block)
            .param("event", UUID.randomUUID())
            .update();
        return place;
    }

    /** A user registered and activated through auth-service's events. */
    User user(String role, Jurisdiction jurisdiction, String language) throws Exception {
        String username = role.toLowerCase() + "." + code(9);
        UUID id = UUID.randomUUID();
        String email = username + "@mdm.test";
        String phone = "+919" + code(9);
        Instant t = Instant.now().minusSeconds(60);
        publish(AUTH, new UserRegistered(DomainEvent.newId(), t, id, username, email, phone, "Name " + username, role,
                jurisdiction, language, "token-" + code(10), t.plus(Duration.ofHours(24))));
        publish(AUTH, new UserActivated(DomainEvent.newId(), t.plusSeconds(1), id, username));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> jdbc.sql("select count(*) from recipients where user_id = :id and status = 'ACTIVE'")
                .param("id", id)
                .query(Long.class)
                .single() == 1);
        awaitMail(email, 1); // the activation mail
        SMTP.purgeEmailFromAllMailboxes();
        return new User(id, username, email, phone, jurisdiction, role);
    }

    AlertRaised alert(String udise, String severity, String title, String message) {
        return new AlertRaised(DomainEvent.newId(), Instant.now(), UUID.randomUUID(), "TEST_RULE", severity, title,
                message, Jurisdiction.school(udise), udise, null);
    }

    void publish(CloudEventCodec codec, DomainEvent event) throws Exception {
        String topic = EventCatalog.events().forClass(event.getClass()).topic();
        kafka.send(topic, event.aggregateId(), codec.encode(event)).get();
    }

    void preferences(User user, String json) {
        ResponseEntity<Map> saved = http.exchange("/api/v1/notifications/preferences", HttpMethod.PUT,
                new HttpEntity<>(json, TestTokens.bearer(user.token())), Map.class);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    List<Map<String, Object>> inbox(User user) {
        Map<String, Object> page = http
            .exchange("/api/v1/notifications", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(user.token())),
                    Map.class)
            .getBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    List<String> statuses(AlertRaised alert, User user) {
        return jdbc.sql("""
                select d.status from deliveries d join notifications n on n.id = d.notification_id
                 where n.event_id = :event and n.user_id = :user and d.channel <> 'IN_APP'""")
            .param("event", alert.eventId())
            .param("user", user.id)
            .query(String.class)
            .list();
    }

    UUID notificationOf(AlertRaised alert, User user) {
        return jdbc.sql("select id from notifications where event_id = :event and user_id = :user")
            .param("event", alert.eventId())
            .param("user", user.id)
            .query(UUID.class)
            .optional()
            .orElse(null);
    }

    String status(UUID notification, String channel) {
        return jdbc.sql("select status from deliveries where notification_id = :id and channel = :channel")
            .param("id", notification)
            .param("channel", channel)
            .query(String.class)
            .single();
    }

    List<NotificationFailed> failedEvents(UUID notification) {
        String type = EventCatalog.events().forClass(NotificationFailed.class).type();
        return KafkaProbe.onTestBroker()
            .readAll(NotificationTopics.DELIVERIES, Duration.ofSeconds(2))
            .stream()
            .filter(r -> notification.toString().equals(r.key()))
            .filter(r -> type.equals(new String(r.headers().lastHeader("ce_type").value())))
            .map(r -> AUTH.decode(io.cloudevents.kafka.KafkaMessageFactory.createReader(r).toEvent(),
                    NotificationFailed.class))
            .toList();
    }

    static List<MimeMessage> mails(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            }
            catch (Exception ex) {
                return false;
            }
        }).toList();
    }

    static void awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(address).size() >= count);
    }

    static List<LoggedRequest> sms(String phone) {
        return SMS_GATEWAY.findAll(postRequestedFor(urlEqualTo("/messages"))
            .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone))));
    }

    static void awaitSms(String phone, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sms(phone).size() >= count);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        }
        catch (Exception ex) {
            return "";
        }
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
