package in.mdm.ml.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.ml.MlTopics;
import in.mdm.events.school.DailyMealReported;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From school-service's meal reports to forecasts: a run for all schools as a job with
 * progress, DemandForecasted through the outbox for each new day and not again for an
 * unchanged one, each school's forecast and a jurisdiction's within the caller's
 * jurisdiction, and a school with too little history told so.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForecastIntegrationTests {

    static final CloudEventCodec SCHOOL_SERVICE = CloudEventCodec.forService("school-service");

    static final String A = "601";

    static final String B = "602";

    static final String A1 = "33601000101";

    static final String A2 = "33601000102";

    static final String B1 = "33602000101";

    /** Three days of reports only. */
    static final String NEW = "33601000199";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    List<LocalDate> days;

    @BeforeAll
    void fourSchoolsReportTheirLastSchoolDays() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Kolkata")).minusDays(1);
        SchoolCalendar calendar = SchoolCalendar.standard();
        days = yesterday.minusDays(70).datesUntil(yesterday.plusDays(1)).filter(calendar::isSchoolDay).toList();
        for (String udise : List.of(A1, A2, B1, NEW)) {
            String district = udise.equals(B1) ? B : A;
            send(SchoolTopics.SCHOOLS,
                    new SchoolRegistered(DomainEvent.newId(), Instant.parse("2026-06-01T00:00:00Z"), udise,
                            "School " + udise, district, district + "1", "Primary", "Department of Education", "Rural",
                            true));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from school_features where district_code in ('601', '602')") == 4);
        for (int k = 0; k < days.size(); k++) {
            LocalDate day = days.get(k);
            // Saturdays a tenth fewer; one day in ten without a meal for want of stock
            int present = day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? 90 : 100;
            String reason = k % 10 == 3 ? "NO_STOCK" : null;
            for (String udise : List.of(A1, A2, B1)) {
                send(SchoolTopics.MEALS, meal(udise, day, reason == null ? present + (k * 7 % 5) : 0, reason));
            }
            if (k >= days.size() - 3) {
                send(SchoolTopics.MEALS, meal(NEW, day, 50, null));
            }
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from school_features where udise_code in ('" + A1 + "','" + A2 + "','"
                    + B1 + "','" + NEW + "') and last_report_on = '" + days.getLast() + "'") == 4);
    }

    @Test
    @Order(1)
    void aRunForecastsEverySchoolPublishesEachNewDayOnceAndNothingWhenUnchanged() {
        Map<String, Object> first = finished(start());
        assertThat(first).containsEntry("status", "SUCCEEDED").containsEntry("progress", 100);
        assertThat((Integer) first.get("forecast")).isGreaterThanOrEqualTo(3);
        assertThat((Integer) first.get("published")).isGreaterThanOrEqualTo(21);

        KafkaProbe probe = KafkaProbe.onTestBroker();
        List<String> keys = probe.readAll(MlTopics.FORECASTS, Duration.ofSeconds(5))
            .stream()
            .map(r -> r.key())
            .toList();
        assertThat(keys.stream().filter(A1::equals).count()).as("one event per day ahead").isEqualTo(7);
        assertThat(keys).doesNotContain(NEW);

        Map<String, Object> second = finished(start());
        assertThat(second).containsEntry("status", "SUCCEEDED").containsEntry("published", 0);
        assertThat(probe.readAll(MlTopics.FORECASTS, Duration.ofSeconds(3)).stream().filter(r -> A1.equals(r.key())))
            .as("an unchanged forecast is not published again")
            .hasSize(7);
        assertThat(count("select count(*) from forecast_runs where status = 'RUNNING'")).isZero();
    }

    @Test
    void aSchoolsForecastShowsItsDaysIntervalsAndWorkingWithinTheCallersJurisdiction() {
        finished(start());
        ResponseEntity<Map> own = get(TestTokens.officer(A), "/api/v1/ml/forecast/" + A1);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).containsEntry("udiseCode", A1).containsEntry("method", DemandForecaster.METHOD);
        List<Map<String, Object>> ahead = (List<Map<String, Object>>) own.getBody().get("days");
        assertThat(ahead).hasSize(7);
        for (Map<String, Object> day : ahead) {
            int meals = (Integer) day.get("meals");
            // the days without a meal (reported as none served) do not pull the forecast
            // to 0
            assertThat(meals).isBetween(80, 110);
            assertThat((Integer) day.get("lower95")).isLessThanOrEqualTo((Integer) day.get("lower80"));
            assertThat((Integer) day.get("lower80")).isLessThanOrEqualTo(meals);
            assertThat((Integer) day.get("upper80")).isGreaterThanOrEqualTo(meals);
            assertThat((Integer) day.get("upper95")).isGreaterThanOrEqualTo((Integer) day.get("upper80"));
            assertThat((Map<String, Object>) day.get("components")).containsKeys("level", "weekday", "rain", "methods");
        }
        assertThat((Map<String, Object>) own.getBody().get("backtest")).containsKeys("meanAbsoluteError",
                "scaledError");

        JurisdictionContract.at("http://localhost:" + port)
            .districts(A, B)
            .read("/api/v1/ml/forecast/" + A1)
            .list("/api/v1/ml/forecast?size=500", "$.items[*].udiseCode", Set.of(A1, A2), Set.of(B1))
            .verify();
        assertThat(get(TestTokens.school(A2), "/api/v1/ml/forecast/" + A1).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(TestTokens.school(A1), "/api/v1/ml/forecast/" + A1).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> unknown = get(TestTokens.admin(), "/api/v1/ml/forecast/33601000177");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "ml.school.not-found");
        ResponseEntity<Map> malformed = get(TestTokens.admin(), "/api/v1/ml/forecast/12");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().toString()).contains("UDISE");
        assertThat(get(TestTokens.admin(), "/api/v1/ml/forecast?districtCode=abc").getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aSchoolWithTooLittleHistoryIsToldHowMuchItHas() {
        ResponseEntity<Map> young = get(TestTokens.admin(), "/api/v1/ml/forecast/" + NEW);
        assertThat(young.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(young.getBody()).containsEntry("code", "ml.forecast.too-little-history");
        assertThat((String) young.getBody().get("detail")).contains("has 3 days");
    }

    @Test
    void runsAreForAdminsAndAnUnknownRunIsNotFound() {
        assertThat(post(TestTokens.officer(A), "/api/v1/ml/forecast/runs").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = get(TestTokens.admin(), "/api/v1/ml/forecast/runs/" + UUID.randomUUID());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "ml.forecast.run-not-found");
    }

    private String start() {
        ResponseEntity<Map> started = await().atMost(Duration.ofSeconds(60))
            .until(() -> post(TestTokens.admin(), "/api/v1/ml/forecast/runs"),
                    r -> r.getStatusCode() == HttpStatus.ACCEPTED);
        return started.getHeaders().getLocation().toString();
    }

    private Map<String, Object> finished(String location) {
        return await().atMost(Duration.ofSeconds(120))
            .until(() -> get(TestTokens.admin(), location).getBody(), j -> !"RUNNING".equals(j.get("status")));
    }

    private static DailyMealReported meal(String udise, LocalDate day, int present, String reason) {
        return new DailyMealReported(DomainEvent.newId(), day.atTime(8, 0).toInstant(ZoneOffset.UTC), udise, day,
                present, 0, reason == null ? present : 0, reason, "SMS");
    }

    private void send(String topic, DomainEvent event) throws Exception {
        kafka.send(topic, event.aggregateId(), SCHOOL_SERVICE.encode(event)).get();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(0L);
    }

    private ResponseEntity<Map> post(String token, String path) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

    private ResponseEntity<Map> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
