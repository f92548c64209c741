package in.mdm.ml.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hours to blocks and days, IMD's thresholds, the chance of heavy rain, the answer's
 * shape.
 */
class WeatherRulesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void hoursBecomeSixHourBlocksAndDaysInIndiaTime() {
        WeatherClient.Hourly hourly = hourly(DAY, 48,
                h -> h < 6 ? Double.valueOf(2.0) : h == 30 ? null : Double.valueOf(0.5),
                h -> 25.0 + (h % 24 == 14 ? 10 : 0), h -> (double) (h % 24));
        List<ForecastBlocks.Block> blocks = ForecastBlocks.blocks(hourly);
        assertThat(blocks).hasSize(8);
        assertThat(blocks.getFirst().start()).isEqualTo(Instant.parse("2026-12-06T18:30:00Z"));
        assertThat(blocks.getFirst().rainMm()).isEqualTo(12.0);
        assertThat(blocks.get(1).rainMm()).isEqualTo(3.0);
        assertThat(blocks.get(2).maxTemperatureC()).as("14:00 falls in 12-18").isEqualTo(35.0);
        assertThat(blocks.get(3).maxWindKmh()).isEqualTo(23.0);
        assertThat(blocks.get(5).rainMm()).as("the hour left out is left out").isEqualTo(2.5);

        List<ForecastBlocks.Day> days = ForecastBlocks.days(hourly);
        assertThat(days).extracting(ForecastBlocks.Day::day).containsExactly(DAY, DAY.plusDays(1));
        assertThat(days.getFirst().rainMm()).isEqualTo(12.0 + 18 * 0.5);
        assertThat(days.get(1).rainMm()).isEqualTo(23 * 0.5);
    }

    @Test
    void imdThresholdsGradeRainHeatAndWind() {
        Instant now = DAY.atStartOfDay(WeatherClient.INDIA).toInstant();
        List<WarningRules.Warning> none = WarningRules.of(List.of(new ForecastBlocks.Day(DAY, 64.4, 39.9, 61.9)), now);
        assertThat(none).isEmpty();

        assertThat(kinds(WarningRules.of(List.of(new ForecastBlocks.Day(DAY, 64.5, 40.0, 62.0)), now)))
            .containsExactly("HEAVY_RAIN YELLOW 1", "HEAT ORANGE 2", "CYCLONE ORANGE 2");
        assertThat(kinds(WarningRules.of(List.of(new ForecastBlocks.Day(DAY, 115.6, 45.0, 89.0)), now)))
            .containsExactly("HEAVY_RAIN ORANGE 2", "HEAT RED 3", "CYCLONE RED 3");
        assertThat(kinds(WarningRules.of(List.of(new ForecastBlocks.Day(DAY, 204.5, null, null)), now)))
            .containsExactly("HEAVY_RAIN RED 3");

        WarningRules.Warning w = WarningRules.of(List.of(new ForecastBlocks.Day(DAY, 70.0, null, null)), now)
            .getFirst();
        assertThat(w.validFrom()).isEqualTo(Instant.parse("2026-12-06T18:30:00Z"));
        assertThat(w.validTo()).isEqualTo(Instant.parse("2026-12-07T18:30:00Z"));
        assertThat(w.description()).isEqualTo("Heavy rain: 70.0 mm forecast on 2026-12-07");

        assertThat(WarningRules.of(List.of(new ForecastBlocks.Day(DAY.minusDays(1), 300.0, 50.0, 120.0)), now))
            .as("a day that is over is not warned of")
            .isEmpty();
    }

    @Test
    void theChanceOfHeavyRainIsHalfAtTheThresholdAndSpreadsWithTheLead() {
        assertThat(WarningRules.heavyRainChance(64.5, 0)).isEqualTo(0.5);
        assertThat(WarningRules.heavyRainChance(0, 0)).isLessThan(0.001);
        assertThat(WarningRules.heavyRainChance(40, 1)).isCloseTo(0.11, within(0.01));
        assertThat(WarningRules.heavyRainChance(90, 1)).isCloseTo(0.89, within(0.01));
        assertThat(WarningRules.heavyRainChance(40, 7)).isCloseTo(0.34, within(0.01));
        assertThat(WarningRules.heavyRainChance(90, 7)).isCloseTo(0.67, within(0.01));
    }

    @Test
    void anAnswerOfTheDocumentedShapeIsReadAndAnythingElseRefused() {
        String good = """
                {"latitude":13.06,"longitude":80.24,"utc_offset_seconds":19800,"timezone":"Asia/Kolkata",
                 "hourly_units":{"time":"iso8601","precipitation":"mm","temperature_2m":"°C","wind_speed_10m":"km/h"},
                 "hourly":{"time":["2026-12-07T00:00","2026-12-07T01:00"],"precipitation":[1.5,null],
                           "temperature_2m":[24.0,23.5],"wind_speed_10m":[5.0,7.5]}}""";
        WeatherClient.Hourly hourly = WeatherClient.parse(JSON, good);
        assertThat(hourly.times()).containsExactly(Instant.parse("2026-12-06T18:30:00Z"),
                Instant.parse("2026-12-06T19:30:00Z"));
        assertThat(hourly.rainMm()).containsExactly(1.5, null);

        for (String bad : List.of("", "not json", "[]", "{\"error\":true,\"reason\":\"Latitude must be in range\"}",
                "{\"hourly\":{}}", good.replace("\"temperature_2m\":[24.0,23.5]", "\"temperature_2m\":[24.0]"),
                good.replace("[5.0,7.5]", "[5.0,\"fast\"]"), good.replace("2026-12-07T01:00", "tomorrow"),
                good.replace("\"wind_speed_10m\":\"km/h\"", "\"wind_speed_10m\":\"m/s\""),
                good.replace("[1.5,null]", "[-3,null]"))) {
            assertThatThrownBy(() -> WeatherClient.parse(JSON, bad)).as(bad)
                .isInstanceOf(WeatherClient.MalformedForecast.class);
        }
    }

    private static List<String> kinds(List<WarningRules.Warning> warnings) {
        return warnings.stream().map(w -> w.kind() + " " + w.severity() + " " + w.grade()).toList();
    }

    interface Value {

        Double at(int hour);

    }

    static WeatherClient.Hourly hourly(LocalDate first, int hours, Value rain, Value temperature, Value wind) {
        List<Instant> times = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            times.add(LocalDateTime.of(first, java.time.LocalTime.MIDNIGHT)
                .plusHours(h)
                .toInstant(ZoneOffset.ofHoursMinutes(5, 30)));
            r.add(rain.at(h));
            t.add(temperature.at(h));
            w.add(wind.at(h));
        }
        return new WeatherClient.Hourly(times, r, t, w);
    }

}
