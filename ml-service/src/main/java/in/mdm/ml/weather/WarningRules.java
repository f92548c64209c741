package in.mdm.ml.weather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The India Meteorological Department's thresholds, per district and day (India time):
 * rain in the day ≥ 64.5 mm heavy, ≥ 115.6 mm very heavy, ≥ 204.5 mm extremely heavy; the
 * hottest hour ≥ 40 °C heat, ≥ 45 °C severe heat; the strongest wind ≥ 62 km/h a cyclonic
 * storm, ≥ 89 km/h a severe one. Severities are IMD's colour words (YELLOW, ORANGE, RED),
 * graded 1-3 so that a graver forecast of the same period can be told from a repeat. Only
 * days not yet over are warned of.
 */
final class WarningRules {

    static final double HEAVY_RAIN_MM = 64.5;

    static final double VERY_HEAVY_RAIN_MM = 115.6;

    static final double EXTREMELY_HEAVY_RAIN_MM = 204.5;

    static final double HEAT_C = 40;

    static final double SEVERE_HEAT_C = 45;

    static final double CYCLONE_KMH = 62;

    static final double SEVERE_CYCLONE_KMH = 89;

    private WarningRules() {
    }

    /** A warning for a district's day. */
    record Warning(String kind, String severity, int grade, Instant validFrom, Instant validTo, double measure,
            String description) {
    }

    static List<Warning> of(List<ForecastBlocks.Day> days, Instant now) {
        List<Warning> warnings = new ArrayList<>();
        for (ForecastBlocks.Day day : days) {
            Instant from = day.day().atStartOfDay(WeatherClient.INDIA).toInstant();
            Instant to = day.day().plusDays(1).atStartOfDay(WeatherClient.INDIA).toInstant();
            if (!to.isAfter(now)) {
                continue;
            }
            Double rain = day.rainMm();
            if (rain != null && rain >= HEAVY_RAIN_MM) {
                int grade = rain >= EXTREMELY_HEAVY_RAIN_MM ? 3 : rain >= VERY_HEAVY_RAIN_MM ? 2 : 1;
                String words = grade == 3 ? "Extremely heavy rain" : grade == 2 ? "Very heavy rain" : "Heavy rain";
                warnings.add(new Warning("HEAVY_RAIN", colour(grade), grade, from, to, rain,
                        "%s: %.1f mm forecast on %s".formatted(words, rain, day.day())));
            }
            Double heat = day.maxTemperatureC();
            if (heat != null && heat >= HEAT_C) {
                int grade = heat >= SEVERE_HEAT_C ? 3 : 2;
                warnings
                    .add(new Warning("HEAT", colour(grade), grade, from, to, heat, "%s: up to %.1f °C forecast on %s"
                        .formatted(grade == 3 ? "Severe heat" : "Heat", heat, day.day())));
            }
            Double wind = day.maxWindKmh();
            if (wind != null && wind >= CYCLONE_KMH) {
                int grade = wind >= SEVERE_CYCLONE_KMH ? 3 : 2;
                warnings.add(new Warning("CYCLONE", colour(grade), grade, from, to, wind,
                        "%s: winds up to %.1f km/h forecast on %s"
                            .formatted(grade == 3 ? "Severe cyclonic storm" : "Cyclonic storm", wind, day.day())));
            }
        }
        return warnings;
    }

    static String colour(int grade) {
        return switch (grade) {
            case 1 -> "YELLOW";
            case 2 -> "ORANGE";
            default -> "RED";
        };
    }

    /**
     * The chance of heavy rain on a forecast day, from the rain forecast for it: a
     * logistic curve through 0.5 at the heavy-rain threshold, wider the further ahead the
     * day is (8 mm + 4 mm per day of lead): 40 mm forecast for tomorrow gives 0.11, 90 mm
     * 0.89; the same a week ahead 0.34 and 0.67.
     */
    static double heavyRainChance(double forecastMm, int leadDays) {
        double scale = 8 + 4 * Math.max(0, leadDays);
        return 1 / (1 + Math.exp(-(forecastMm - HEAVY_RAIN_MM) / scale));
    }

}
