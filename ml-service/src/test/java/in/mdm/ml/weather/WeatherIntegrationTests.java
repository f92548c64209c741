package in.mdm.ml.weather;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.events.ml.MlTopics;
import in.mdm.ml.MlProblems;
import in.mdm.ml.forecast.RainOutlook;
import in.mdm.testkit.JurisdictionContract;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static in.mdm.testkit.ProblemAssertions.assertInvalid;
import static in.mdm.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The weather from a WireMock stand-in for Open-Meteo to blocks, days, warnings on Kafka
 * and the API: warnings once per district, kind and period; every way the source can fail
 * keeps the last good forecast, marked stale; the districts stay within the caller's
 * jurisdiction; bad parameters are 400 problems naming them.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeatherIntegrationTests {

    static final WireMockServer SOURCE = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        SOURCE.start();
    }

    /** Chennai: warnings and the rain outlook. */
    static final String A = "568";

    /** Coimbatore: another district than D, with a warning of its own. */
    static final String B = "569";

    /** Cuddalore: the source failing. */
    static final String C = "570";

    /** Dharmapuri: the jurisdiction's district. */
    static final String D = "571";

    static final Map<String, String> LATITUDE = Map.of(A, "13.0600", B, "10.9500", C, "11.5500", D, "12.1300");

    static final String SOURCE_NAME = "wiremock-open-meteo";

    @DynamicPropertySource
    static void weather(DynamicPropertyRegistry registry) {
        registry.add("mdm.weather.base-url", SOURCE::baseUrl);
        registry.add("mdm.weather.source", () -> SOURCE_NAME);
        registry.add("mdm.weather.timeout", () -> "PT1S");
        registry.add("mdm.weather.retry.max-attempts", () -> "2");
        registry.add("mdm.weather.retry.backoff", () -> "PT0.05S");
        registry.add("mdm.weather.breaker.minimum-calls", () -> "4");
        registry.add("mdm.weather.breaker.sliding-window-calls", () -> "4");
        registry.add("mdm.weather.breaker.open-for", () -> "PT60S");
    }

    @AfterAll
    void stopSource() {
        SOURCE.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WeatherService weather;

    @Autowired
    CircuitBreaker weatherCircuitBreaker;

    @Autowired
    RainOutlook outlook;

    LocalDate today;

    @BeforeAll
    void schoolsInThreeDistricts() {
        for (String district : List.of(A, B, C, D)) {
            jdbc.sql("insert into school_features (udise_code, district_code, block_code) values (:u, :d, :b)"
                    + " on conflict do nothing")
                .param("u", "33" + district + "000001")
                .param("d", district)
                .param("b", "9" + district)
                .update();
        }
        today = LocalDate.now(WeatherClient.INDIA);
    }

    @BeforeEach
    void freshSource() {
        SOURCE.resetAll();
        weatherCircuitBreaker.reset();
    }

    @Test
    void aForecastIsKeptInBlocksWithItsSourceAndWarnsOncePerDistrictKindAndPeriod() {
        // yesterday 80 mm (heavy), the day before 10 mm; tomorrow very heavy rain, the
        // day after heat, then a
        // cyclone
        stub(A, forecast(d -> switch (d) {
            case -2 -> new double[] { 10, 30, 10 };
            case -1 -> new double[] { 80, 30, 10 };
            case 1 -> new double[] { 120, 30, 10 };
            case 2 -> new double[] { 0, 41, 10 };
            case 3 -> new double[] { 0, 30, 95 };
            default -> new double[] { 4, 30, 10 };
        }));
        assertThat(weather.refresh(A)).containsExactly(WeatherService.Outcome.FETCHED.ordinal(), 3);

        Map<String, Object> tomorrow = jdbc.sql("""
                select rain_mm, source, fetched_at from weather_forecasts
                 where district_code = :d and block_start = :start""")
            .param("d", A)
            .param("start", java.sql.Timestamp.from(block(today.plusDays(1), 6)))
            .query()
            .singleRow();
        assertThat((BigDecimal) tomorrow.get("rain_mm")).isEqualByComparingTo("30.0");
        assertThat(tomorrow).containsEntry("source", SOURCE_NAME);
        assertThat(tomorrow.get("fetched_at")).isNotNull();
        assertThat(count("select count(*) from weather_forecasts where district_code = '" + A + "'"))
            .as("9 days of 4 blocks")
            .isEqualTo(36);

        ResponseEntity<Map> own = get(TestTokens.officer(A), "/api/v1/ml/weather?districtCode=" + A);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).containsEntry("source", SOURCE_NAME).containsEntry("stale", false);
        assertThat((List<Map<String, Object>>) own.getBody().get("warnings"))
            .extracting(w -> w.get("kind") + " " + w.get("severity"))
            .containsExactly("HEAVY_RAIN ORANGE", "HEAT ORANGE", "CYCLONE RED");
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) own.getBody().get("blocks");
        assertThat(blocks).hasSizeBetween(25, 28).allSatisfy(b -> assertThat(b).containsEntry("source", SOURCE_NAME));

        // the same forecast again: nothing new; a graver one of the same day: published
        // again
        assertThat(weather.refresh(A)).containsExactly(WeatherService.Outcome.FETCHED.ordinal(), 0);
        assertThat(warningsOnKafka(A)).hasSize(3);
        stub(A, forecast(d -> switch (d) {
            case -1 -> new double[] { 80, 30, 10 };
            case 1 -> new double[] { 210, 30, 10 };
            case 2 -> new double[] { 0, 41, 10 };
            case 3 -> new double[] { 0, 30, 95 };
            default -> new double[] { 4, 30, 10 };
        }));
        assertThat(weather.refresh(A)).containsExactly(WeatherService.Outcome.FETCHED.ordinal(), 1);
        assertThat(warningsOnKafka(A)).hasSize(4);
        assertThat(jdbc.sql("select kind || ' ' || severity from weather_warnings where district_code = :d order by 1")
            .param("d", A)
            .query(String.class)
            .list()).containsExactly("CYCLONE RED", "HEAT ORANGE", "HEAVY_RAIN RED");

        // observed days 1 or 0, forecast days a chance, days never fetched and unknown
        // districts NaN
        double[] rain = outlook.heavyRain(A,
                List.of(today.minusDays(2), today.minusDays(1), today, today.plusDays(1), today.plusDays(30)));
        assertThat(rain[0]).isZero();
        assertThat(rain[1]).isEqualTo(1);
        assertThat(rain[2]).isCloseTo(WarningRules.heavyRainChance(4, 0), within(1e-9)).isLessThan(0.01);
        assertThat(rain[3]).isGreaterThan(0.99);
        assertThat(rain[4]).isNaN();
        assertThat(outlook.heavyRain("999", List.of(today))[0]).isNaN();
    }

    @Test
    void everyFailureKeepsTheLastGoodForecastMarkedStale() {
        stub(C, forecast(d -> d == 1 ? new double[] { 20, 30, 10 } : new double[] { 0, 30, 10 }));
        assertThat(weather.refresh(C)[0]).isEqualTo(WeatherService.Outcome.FETCHED.ordinal());
        Map<String, Object> good = district(C);
        assertThat(good).containsEntry("stale", false);
        Object fetchedAt = good.get("fetchedAt");

        // 5xx: retried, then kept
        failWith(aResponse().withStatus(503), 2, "503");
        // a timeout: retried, then kept
        failWith(aResponse().withStatus(200).withFixedDelay(2_500).withBody(body(forecast(d -> new double[3]))), 2,
                "ResourceAccessException");
        // a body that is not a forecast: not retried
        failWith(aResponse().withStatus(200).withBody("{\"hourly\":{\"time\":[\"2026-12-07T00:00\"]}}"), 1,
                "MalformedForecast");
        failWith(aResponse().withStatus(200).withBody("<html>maintenance</html>"), 1, "not JSON");
        // a redirect: refused, never followed
        failWith(aResponse().withStatus(302).withHeader("Location", SOURCE.baseUrl() + "/elsewhere"), 1,
                "Redirect refused");
        assertThat(SOURCE.findAll(getRequestedFor(urlPathEqualTo("/elsewhere")))).isEmpty();

        // the breaker opens after 4 failed calls; while open the source is not called at
        // all
        weatherCircuitBreaker.reset();
        stub(C, aResponse().withStatus(500));
        weather.refresh(C);
        weather.refresh(C);
        assertThat(weatherCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        SOURCE.resetAll();
        stub(C, forecast(d -> new double[] { 96, 30, 10 }));
        assertThat(weather.refresh(C)[0]).isEqualTo(WeatherService.Outcome.FAILED.ordinal());
        assertThat(SOURCE.getAllServeEvents()).isEmpty();
        Map<String, Object> open = district(C);
        assertThat(open).containsEntry("stale", true).containsEntry("fetchedAt", fetchedAt);
        assertThat((String) open.get("lastError")).startsWith("circuit breaker open");
        assertThat(tomorrowRain(open)).as("the last good forecast kept").isEqualTo(5.0);

        // back: fresh again
        weatherCircuitBreaker.reset();
        assertThat(weather.refresh(C)[0]).isEqualTo(WeatherService.Outcome.FETCHED.ordinal());
        assertThat(district(C)).containsEntry("stale", false);
        assertThat(tomorrowRain(district(C))).isEqualTo(24.0);
    }

    @Test
    void aDistrictOfAnotherJurisdictionIsNotFoundLikeAnUnknownOne() {
        stub(D, forecast(d -> d == 4 ? new double[] { 70, 30, 10 } : new double[] { 0, 30, 10 }));
        stub(B, forecast(d -> d == 4 ? new double[] { 70, 30, 10 } : new double[] { 0, 30, 10 }));
        weather.refresh(D);
        weather.refresh(B);
        Set<String> ofD = Set.copyOf(jdbc.sql("select id::text from weather_warnings where district_code = :d")
            .param("d", D)
            .query(String.class)
            .list());
        Set<String> ofB = Set.copyOf(jdbc.sql("select id::text from weather_warnings where district_code = :d")
            .param("d", B)
            .query(String.class)
            .list());
        JurisdictionContract.at("http://localhost:" + port)
            .districts(D, B)
            .read("/api/v1/ml/weather?districtCode=" + D)
            .list("/api/v1/ml/weather/warnings?size=500", "$.items[*].id", ofD, ofB)
            .verify();

        ResponseEntity<Map> other = get(TestTokens.officer(B), "/api/v1/ml/weather?districtCode=" + D);
        ResponseEntity<Map> unknown = get(TestTokens.admin(), "/api/v1/ml/weather?districtCode=99999");
        assertProblem(other, HttpStatus.NOT_FOUND, MlProblems.WEATHER_DISTRICT_NOT_FOUND);
        assertProblem(unknown, HttpStatus.NOT_FOUND, MlProblems.WEATHER_DISTRICT_NOT_FOUND);
        assertThat(other.getBody().get("detail")).isEqualTo("districtCode: no weather for district " + D);

        ResponseEntity<Map> filtered = get(TestTokens.admin(),
                "/api/v1/ml/weather/warnings?districtCode=" + B + "&kind=HEAVY_RAIN&active=true");
        assertThat((List<Map<String, Object>>) filtered.getBody().get("items"))
            .extracting(w -> w.get("districtCode") + " " + w.get("active"))
            .containsOnly(B + " true")
            .isNotEmpty();
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        String admin = TestTokens.admin();
        ResponseEntity<Map> missing = get(admin, "/api/v1/ml/weather");
        assertProblem(missing, HttpStatus.BAD_REQUEST, "http.bad-request");
        assertThat((String) missing.getBody().get("detail")).contains("'districtCode'");
        assertInvalid(get(admin, "/api/v1/ml/weather?districtCode=chennai"), "districtCode");
        assertInvalid(get(admin, "/api/v1/ml/weather/warnings?kind=SNOW"), "kind");
        assertInvalid(get(admin, "/api/v1/ml/weather/warnings?size=0"), "size");
        assertInvalid(get(admin, "/api/v1/ml/weather/warnings?page=-1"), "page");
        assertInvalid(get(admin, "/api/v1/ml/weather/warnings?active=perhaps"), "active");
        assertInvalid(get(admin, "/api/v1/ml/weather/warnings?districtCode=12a"), "districtCode");
    }

    private void failWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer, int calls,
            String error) {
        SOURCE.resetAll();
        weatherCircuitBreaker.reset();
        stub(C, answer);
        assertThat(weather.refresh(C)[0]).as(error).isEqualTo(WeatherService.Outcome.FAILED.ordinal());
        assertThat(SOURCE.findAll(getRequestedFor(urlPathEqualTo("/v1/forecast")))).as(error).hasSize(calls);
        Map<String, Object> kept = district(C);
        assertThat(kept).as(error).containsEntry("stale", true);
        assertThat((String) kept.get("lastError")).as(error).contains(error);
        assertThat(tomorrowRain(kept)).as(error + ": the last good forecast kept").isEqualTo(5.0);
    }

    /** Tomorrow's 06-12 block's rain. */
    private double tomorrowRain(Map<String, Object> weather) {
        String from = block(today.plusDays(1), 6).toString();
        return ((List<Map<String, Object>>) weather.get("blocks")).stream()
            .filter(b -> Instant.parse((String) b.get("from")).toString().equals(from))
            .map(b -> ((Number) b.get("rainMm")).doubleValue())
            .findFirst()
            .orElseThrow();
    }

    private Map<String, Object> district(String code) {
        ResponseEntity<Map> answer = get(TestTokens.admin(), "/api/v1/ml/weather?districtCode=" + code);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private List<String> warningsOnKafka(String district) {
        return KafkaProbe.onTestBroker()
            .keys(MlTopics.WEATHER, Duration.ofSeconds(4))
            .stream()
            .filter(district::equals)
            .toList();
    }

    private static Instant block(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(WeatherClient.INDIA).toInstant();
    }

    /**
     * Nine days, from the day before yesterday, hour by hour: per day offset (−2..6) its
     * rain (spread evenly over its hours), hottest and windiest hour.
     */
    private Forecast forecast(IntFunction<double[]> day) {
        return new Forecast(today.minusDays(2), 9, day);
    }

    record Forecast(LocalDate first, int days, IntFunction<double[]> day) {
    }

    private static String body(Forecast f) {
        List<String> time = new ArrayList<>();
        List<String> rain = new ArrayList<>();
        List<String> temperature = new ArrayList<>();
        List<String> wind = new ArrayList<>();
        for (int d = 0; d < f.days(); d++) {
            double[] v = f.day().apply(d - 2);
            for (int h = 0; h < 24; h++) {
                time.add("\"" + f.first().plusDays(d).atTime(h, 0) + "\"");
                rain.add(Double.toString(v[0] / 24));
                temperature.add(Double.toString(h == 14 ? v[1] : v[1] - 6));
                wind.add(Double.toString(h == 15 ? v[2] : v[2] / 2));
            }
        }
        return """
                {"latitude":13.06,"longitude":80.24,"generationtime_ms":0.2,"utc_offset_seconds":19800,
                 "timezone":"Asia/Kolkata","timezone_abbreviation":"GMT+5:30","elevation":7.0,
                 "hourly_units":{"time":"iso8601","precipitation":"mm","temperature_2m":"°C","wind_speed_10m":"km/h"},
                 "hourly":{"time":[%s],"precipitation":[%s],"temperature_2m":[%s],"wind_speed_10m":[%s]}}""".formatted(
                String.join(",", time), String.join(",", rain), String.join(",", temperature), String.join(",", wind));
    }

    private void stub(String district, Forecast forecast) {
        stub(district,
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body(forecast)));
    }

    private void stub(String district, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        MappingBuilder request = com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/forecast"))
            .withQueryParam("latitude", equalTo(LATITUDE.get(district)))
            .withQueryParam("hourly", equalTo(WeatherClient.HOURLY))
            .withQueryParam("forecast_days", equalTo("7"))
            .withQueryParam("timezone", equalTo("Asia/Kolkata"));
        SOURCE.stubFor(request.willReturn(answer));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private ResponseEntity<Map> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), Map.class);
    }

}
