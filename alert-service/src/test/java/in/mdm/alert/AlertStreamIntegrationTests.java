package in.mdm.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.alert.alert.AlertEngine;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.RiskScored;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.ProblemAssertions;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream (SSE): each subscriber sees only its jurisdiction's alerts, resumes
 * from its Last-Event-ID with nothing lost, gets a hello at once and heartbeats (every
 * second in the tests), and may open the stream with a one-time ticket instead of a
 * token.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class AlertStreamIntegrationTests {

    static final String CHENNAI_SCHOOL = "33020100101";

    static final String CHENNAI_OTHER = "33020200201";

    static final String COIMBATORE_SCHOOL = "33120100301";

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    AlertEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @BeforeEach
    void schools() {
        jdbc.sql("delete from alert_reads").update();
        jdbc.sql("delete from alerts").update();
        locations.record(CHENNAI_SCHOOL, "568", "6301", Instant.now(), UUID.randomUUID());
        locations.record(CHENNAI_OTHER, "568", "6302", Instant.now(), UUID.randomUUID());
        locations.record(COIMBATORE_SCHOOL, "569", "6401", Instant.now(), UUID.randomUUID());
    }

    @Test
    void aSubscriberGetsAHelloAtOnceThenItsDistrictsAlertsAndNotAnotherDistricts() throws Exception {
        try (SseClient chennai = stream(TestTokens.officer("568"), null)) {
            SseClient.Event hello = chennai.next(WAIT);
            assertThat(hello).isNotNull();
            assertThat(hello.event()).isEqualTo("hello");
            assertThat(hello.id()).isEqualTo(Long.toString(head()));
            assertThat(hello.data()).contains("\"level\":\"DISTRICT\"", "\"code\":\"568\"");

            engine.risks(List.of(risk(COIMBATORE_SCHOOL, 90)));
            engine.risks(List.of(risk(CHENNAI_SCHOOL, 90)));

            SseClient.Event alert = chennai.next(e -> "alert".equals(e.event()), WAIT);
            assertThat(alert).isNotNull();
            assertThat(alert.data()).contains("\"change\":\"RAISED\"", CHENNAI_SCHOOL)
                .doesNotContain(COIMBATORE_SCHOOL);
            assertThat(Long.parseLong(alert.id())).isEqualTo(head());
            assertThat(chennai.during(Duration.ofSeconds(3))).noneMatch(e -> e.data().contains(COIMBATORE_SCHOOL));
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysWhatItMissedInItsJurisdictionOnly() throws Exception {
        long before = head();
        engine.risks(List.of(risk(CHENNAI_SCHOOL, 90)));
        engine.risks(List.of(risk(COIMBATORE_SCHOOL, 90)));
        engine.risks(List.of(risk(CHENNAI_OTHER, 80)));
        engine.risks(List.of(risk(CHENNAI_SCHOOL, 5)));

        try (SseClient chennai = stream(TestTokens.officer("568"), Long.toString(before))) {
            SseClient.Event hello = chennai.next(WAIT);
            assertThat(hello.event()).isEqualTo("hello");
            assertThat(hello.id()).as("a resumed stream keeps the client's Last-Event-ID").isNull();
            List<SseClient.Event> replayed = List.of(chennai.next(WAIT), chennai.next(WAIT), chennai.next(WAIT));
            assertThat(replayed).extracting(SseClient.Event::event).containsOnly("alert");
            assertThat(replayed.get(0).data()).contains(CHENNAI_SCHOOL, "RAISED");
            assertThat(replayed.get(1).data()).contains(CHENNAI_OTHER, "RAISED");
            assertThat(replayed.get(2).data()).contains(CHENNAI_SCHOOL, "RESOLVED");
            assertThat(replayed).extracting(e -> Long.parseLong(e.id())).isSorted().allMatch(id -> id > before);

            // and goes on live after the replay
            engine.risks(List.of(risk(CHENNAI_OTHER, 95)));
            SseClient.Event live = chennai.next(e -> "alert".equals(e.event()), WAIT);
            assertThat(live.data()).contains(CHENNAI_OTHER, "UPDATED");
        }
    }

    @Test
    void aChangeCommittedByAnotherReplicaArrivesWithoutANudge() throws Exception {
        try (SseClient chennai = stream(TestTokens.officer("568"), null)) {
            assertThat(chennai.next(WAIT).event()).isEqualTo("hello");
            // as another replica would commit it, with its Redis nudge lost: only the
            // poll finds it
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into alerts (id, rule_code, alert_type, subject, severity, title, message, scope_level,
                                        scope_code, udise_code, district_code, block_code, raised_at, last_seen_at)
                    values (:id, 'risk.critical', 'risk', :subject, 'CRITICAL', 'Risk', 'From elsewhere', 'SCHOOL',
                            :udise, :udise, '568', '6302', now(), now())""")
                .param("id", id)
                .param("subject", "school:" + CHENNAI_OTHER)
                .param("udise", CHENNAI_OTHER)
                .update();
            jdbc.sql("insert into alert_changes (alert_id, change, at) values (:id, 'RAISED', now())")
                .param("id", id)
                .update();

            SseClient.Event alert = chennai.next(e -> "alert".equals(e.event()), WAIT);
            assertThat(alert).isNotNull();
            assertThat(alert.data()).contains(id.toString(), "From elsewhere");
        }
    }

    @Test
    void aQuietStreamGetsHeartbeats() throws Exception {
        try (SseClient school = stream(TestTokens.school(CHENNAI_SCHOOL), null)) {
            assertThat(school.next(WAIT).event()).isEqualTo("hello");
            SseClient.Event beat = school.next(e -> "heartbeat".equals(e.event()), Duration.ofSeconds(5));
            assertThat(beat).isNotNull();
            assertThat(beat.id()).isNull();
        }
    }

    @Test
    void aBrowserOpensTheStreamWithAOneTimeTicket() throws Exception {
        ResponseEntity<Map> issued = http.exchange("/api/v1/alerts/stream/ticket", HttpMethod.POST,
                new HttpEntity<>(TestTokens.bearer(TestTokens.blockOfficer("6302"))), Map.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        String ticket = (String) issued.getBody().get("ticket");
        assertThat(ticket).hasSize(43);
        assertThat(Instant.parse((String) issued.getBody().get("expiresAt"))).isBetween(Instant.now().plusSeconds(50),
                Instant.now().plusSeconds(70));

        try (SseClient block = SseClient.open(url("?ticket=" + ticket), Map.of())) {
            assertThat(block.next(WAIT).data()).contains("\"level\":\"BLOCK\"", "\"code\":\"6302\"");
            engine.risks(List.of(risk(CHENNAI_SCHOOL, 90), risk(CHENNAI_OTHER, 90)));
            SseClient.Event alert = block.next(e -> "alert".equals(e.event()), WAIT);
            assertThat(alert.data()).contains(CHENNAI_OTHER);
            assertThat(block.during(Duration.ofSeconds(2))).noneMatch(e -> e.data().contains(CHENNAI_SCHOOL));
        }

        ProblemAssertions.assertProblem(http.getForEntity("/api/v1/alerts/stream?ticket=" + ticket, Map.class),
                HttpStatus.UNAUTHORIZED, "alert.stream-ticket-invalid");
        ProblemAssertions.assertProblem(http.getForEntity("/api/v1/alerts/stream", Map.class), HttpStatus.UNAUTHORIZED,
                "auth.unauthenticated");
        ProblemAssertions.assertProblem(
                http.exchange("/api/v1/alerts/stream/ticket", HttpMethod.POST, HttpEntity.EMPTY, Map.class),
                HttpStatus.UNAUTHORIZED, "auth.unauthenticated");
        HttpHeaders badId = TestTokens.bearer(TestTokens.admin());
        badId.set("Last-Event-ID", "yesterday");
        ProblemAssertions.assertInvalid(
                http.exchange("/api/v1/alerts/stream", HttpMethod.GET, new HttpEntity<>(badId), Map.class),
                "Last-Event-ID");
    }

    @Test
    void theWebSocketCarriesTheSameFramesForItsTicketsJurisdiction() throws Exception {
        String ticket = (String) http
            .exchange("/api/v1/alerts/stream/ticket", HttpMethod.POST,
                    new HttpEntity<>(TestTokens.bearer(TestTokens.officer("569"))), Map.class)
            .getBody()
            .get("ticket");
        java.util.concurrent.BlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {

            StringBuilder partial = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data,
                    boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial = new StringBuilder();
                }
                socket.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int status,
                    String reason) {
                closed.complete(status);
                return null;
            }
        };
        java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(java.net.URI.create("ws://localhost:" + port + "/api/v1/alerts/ws?ticket=" + ticket), listener)
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            String hello = messages.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(hello).contains("\"event\":\"hello\"", "\"code\":\"569\"");
            engine.risks(List.of(risk(CHENNAI_SCHOOL, 90), risk(COIMBATORE_SCHOOL, 90)));
            String alert;
            do {
                alert = messages.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            while (alert != null && !alert.contains("\"event\":\"alert\""));
            assertThat(alert).contains(COIMBATORE_SCHOOL).doesNotContain(CHENNAI_SCHOOL);
        }
        finally {
            socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
        }

        // the ticket was used: a second socket is closed at once
        java.util.concurrent.CompletableFuture<Integer> refused = new java.util.concurrent.CompletableFuture<>();
        java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(java.net.URI.create("ws://localhost:" + port + "/api/v1/alerts/ws?ticket=" + ticket),
                    new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket s, int status,
                                String reason) {
                            refused.complete(status);
                            return null;
                        }
                    })
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refused.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);

        // a client that can send headers may use its bearer token instead
        java.util.concurrent.CompletableFuture<String> first = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket withToken = java.net.http.HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + TestTokens.officer("568"))
            .buildAsync(java.net.URI.create("ws://localhost:" + port + "/api/v1/alerts/ws"),
                    new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket s,
                                CharSequence data, boolean last) {
                            first.complete(data.toString());
                            return null;
                        }
                    })
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("\"event\":\"hello\"",
                "\"code\":\"568\"");
        withToken.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
    }

    private SseClient stream(String token, String lastEventId) throws Exception {
        Map<String, String> headers = lastEventId == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Last-Event-ID", lastEventId);
        return SseClient.open(url(""), headers);
    }

    private String url(String query) {
        return "http://localhost:" + port + "/api/v1/alerts/stream" + query;
    }

    private long head() {
        return jdbc.sql("select coalesce(max(seq), 0) from alert_changes").query(Long.class).single();
    }

    private static RiskScored risk(String udise, double score) {
        return new RiskScored(DomainEvent.newId(), Instant.now(), udise, LocalDate.now().plusDays(1), score, "HIGH",
                "risk-v1", List.of());
    }

}
