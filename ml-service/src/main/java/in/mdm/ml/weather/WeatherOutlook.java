package in.mdm.ml.weather;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import in.mdm.ml.forecast.RainOutlook;

/**
 * The rain outlook from the weather kept per district and day: a past day (before today,
 * India time) is observed, 1 with heavy rain (64.5 mm or more), 0 without; today and
 * later days are forecast, the chance of heavy rain from the rain forecast
 * ({@link WarningRules#heavyRainChance}); a day never fetched is unknown (NaN).
 */
@Component
class WeatherOutlook implements RainOutlook {

    private final WeatherRepository weather;

    private final Clock clock;

    WeatherOutlook(WeatherRepository weather, Clock clock) {
        this.weather = weather;
        this.clock = clock;
    }

    @Override
    public double[] heavyRain(String districtCode, List<LocalDate> days) {
        double[] outlook = new double[days.size()];
        Arrays.fill(outlook, Double.NaN);
        if (districtCode == null || days.isEmpty() || days.stream().anyMatch(Objects::isNull)) {
            return outlook;
        }
        LocalDate today = LocalDate.now(clock.withZone(WeatherClient.INDIA));
        Map<LocalDate, WeatherRepository.DayRain> known = weather.days(districtCode, Collections.min(days),
                Collections.max(days));
        for (int i = 0; i < outlook.length; i++) {
            WeatherRepository.DayRain day = known.get(days.get(i));
            if (day == null) {
                continue;
            }
            if (day.day().isBefore(today)) {
                outlook[i] = day.heavy() ? 1 : 0;
            }
            else {
                outlook[i] = WarningRules.heavyRainChance(day.rainMm(),
                        (int) ChronoUnit.DAYS.between(today, day.day()));
            }
        }
        return outlook;
    }

}
