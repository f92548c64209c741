package in.mdm.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import in.mdm.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run's weather stand-in: Open-Meteo's shape, the simulator's rain of the nearest
 * district, no rain for days it has not written, 400 for a point that is not one.
 */
class WeatherStandInTests {

    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path simulated;

    @Test
    void servesTheSimulatorsRainOfTheNearestDistrictInOpenMeteosShape() throws Exception {
        LocalDate today = LocalDate.now(WeatherStandIn.INDIA);
        WeatherStandIn standIn = WeatherStandIn.of(Path.of("../.."), simulated);
        try (MessageSink sink = MessageSink.start(FreePorts.next(), FreePorts.next(), "http://localhost:1")) {
            sink.serve("/weather", standIn::handle);
            String url = "http://127.0.0.1:" + sink.webPort()
                    + "/weather/v1/forecast?latitude=13.0600&longitude=80.2400"
                    + "&hourly=precipitation,temperature_2m,wind_speed_10m&forecast_days=7&past_days=2"
                    + "&timezone=Asia/Kolkata";

            HttpResponse<String> dry = get(url);
            assertThat(dry.statusCode()).isEqualTo(200);
            assertThat(values(dry.body(), "time")).hasSize(9 * 24);
            assertThat(values(dry.body(), "time")[0]).isEqualTo("\"" + today.minusDays(2).atStartOfDay() + "\"");
            assertThat(sum(dry.body(), 0, 9 * 24)).as("without the demo's file: no rain").isZero();
            assertThat(dry.body()).contains("\"utc_offset_seconds\":19800", "\"wind_speed_10m\":\"km/h\"");

            Files.writeString(simulated.resolve("weather.csv"), """
                    district_code,date,rain_mm,heavy_rain
                    568,%s,96.0,1
                    568,%s,12.0,0
                    569,%s,50.0,0
                    """.formatted(today.plusDays(1), today.minusDays(1), today.plusDays(1)));
            HttpResponse<String> wet = get(url);
            assertThat(sum(wet.body(), 3 * 24, 4 * 24)).as("Chennai tomorrow")
                .isCloseTo(96.0, org.assertj.core.api.Assertions.within(0.01));
            assertThat(sum(wet.body(), 24, 2 * 24)).as("Chennai yesterday")
                .isCloseTo(12.0, org.assertj.core.api.Assertions.within(0.01));
            assertThat(sum(wet.body(), 0, 9 * 24)).isCloseTo(108.0, org.assertj.core.api.Assertions.within(0.01));
            assertThat(Arrays.stream(values(wet.body(), "temperature_2m")).mapToDouble(Double::parseDouble).max())
                .hasValue(32.0);

            assertThat(get(url.replace("latitude=13.0600", "latitude=north")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void mlServiceIsPointedAtTheStandIn() {
        assertThat(Suite.weatherEnvironment(18025)).containsEntry("MDM_WEATHER_URL", "http://127.0.0.1:18025/weather")
            .containsKey("MDM_WEATHER_SOURCE");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] values(String body, String name) {
        Matcher m = Pattern.compile("\"hourly\":\\{.*\"" + name + "\":\\[([^\\]]*)\\]").matcher(body);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).split(",");
    }

    private static double sum(String body, int from, int to) {
        return Arrays.stream(values(body, "precipitation"), from, to).mapToDouble(Double::parseDouble).sum();
    }

}
