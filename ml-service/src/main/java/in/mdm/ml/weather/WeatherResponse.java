package in.mdm.ml.weather;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A district's weather: the forecast in 6-hour blocks from the current one on, the
 * warnings in force or to come, where the values came from and when, and whether they are
 * stale (the last fetch failed, or the last good one is older than
 * {@code mdm.weather.stale-after}).
 */
record WeatherResponse(String districtCode, String source, Instant fetchedAt, boolean stale, Instant attemptedAt,
        String lastError, List<Block> blocks, List<Warning> warnings) {

    /** A 6-hour block: rain in it (mm), its hottest hour (°C), strongest wind (km/h). */
    record Block(Instant from, Instant to, BigDecimal rainMm, BigDecimal maxTemperatureC, BigDecimal maxWindKmh,
            String source, Instant fetchedAt) {
    }

    /** A warning as issued. */
    record Warning(UUID id, String districtCode, String kind, String severity, Instant validFrom, Instant validTo,
            BigDecimal measure, String description, String source, Instant issuedAt, Instant updatedAt,
            boolean active) {

        static Warning of(WeatherRepository.Issued w, Instant now) {
            return new Warning(w.id(), w.districtCode(), w.kind(), w.severity(), w.validFrom(), w.validTo(),
                    w.measure(), w.description(), w.source(), w.issuedAt(), w.updatedAt(), w.validTo().isAfter(now));
        }
    }

}
