package in.mdm.ml.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An hourly forecast aggregated per district: 6-hour blocks (00-06, 06-12, 12-18, 18-24
 * India time; rain summed, temperature and wind their maximum) and days (India time; rain
 * summed). A value the source left out is left out of its block; a block or day with no
 * value of a kind has none (null).
 */
final class ForecastBlocks {

    static final int BLOCK_HOURS = 6;

    private ForecastBlocks() {
    }

    /** One 6-hour block. */
    record Block(Instant start, Double rainMm, Double maxTemperatureC, Double maxWindKmh) {
    }

    /** One day: its rain, hottest hour and strongest wind. */
    record Day(LocalDate day, Double rainMm, Double maxTemperatureC, Double maxWindKmh) {
    }

    static List<Block> blocks(WeatherClient.Hourly hourly) {
        Map<Instant, double[]> sums = new TreeMap<>();
        for (int i = 0; i < hourly.times().size(); i++) {
            ZonedDateTime at = hourly.times().get(i).atZone(WeatherClient.INDIA);
            Instant start = at.toLocalDate()
                .atTime(at.getHour() / BLOCK_HOURS * BLOCK_HOURS, 0)
                .atZone(WeatherClient.INDIA)
                .toInstant();
            add(sums.computeIfAbsent(start, s -> empty()), hourly, i);
        }
        List<Block> blocks = new ArrayList<>(sums.size());
        sums.forEach((start, v) -> blocks.add(new Block(start, value(v, 0), value(v, 1), value(v, 2))));
        return blocks;
    }

    static List<Day> days(WeatherClient.Hourly hourly) {
        Map<LocalDate, double[]> sums = new TreeMap<>();
        for (int i = 0; i < hourly.times().size(); i++) {
            LocalDate day = hourly.times().get(i).atZone(WeatherClient.INDIA).toLocalDate();
            add(sums.computeIfAbsent(day, d -> empty()), hourly, i);
        }
        List<Day> days = new ArrayList<>(sums.size());
        sums.forEach((day, v) -> days.add(new Day(day, value(v, 0), value(v, 1), value(v, 2))));
        return days;
    }

    /** rain sum, max temperature, max wind, and whether each was seen. */
    private static double[] empty() {
        return new double[] { 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0 };
    }

    private static void add(double[] v, WeatherClient.Hourly hourly, int i) {
        Double rain = hourly.rainMm().get(i);
        Double temperature = hourly.temperatureC().get(i);
        Double wind = hourly.windKmh().get(i);
        if (rain != null) {
            v[0] += rain;
            v[3] = 1;
        }
        if (temperature != null) {
            v[1] = Math.max(v[1], temperature);
            v[4] = 1;
        }
        if (wind != null) {
            v[2] = Math.max(v[2], wind);
            v[5] = 1;
        }
    }

    private static Double value(double[] v, int k) {
        return v[k + 3] == 0 ? null : Math.round(v[k] * 10) / 10.0;
    }

}
