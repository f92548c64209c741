package in.mdm.ml.weather;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.ml.WeatherWarning;

/**
 * Keeps a district's fetched forecast (blocks, days, the fetch) and issues its warnings
 * in one transaction, each new or graver warning published as a {@link WeatherWarning}
 * through the outbox in that transaction; or records that the fetch failed, keeping what
 * was fetched before.
 */
@Service
class WeatherRecorder {

    private final WeatherRepository weather;

    private final ApplicationEventPublisher events;

    WeatherRecorder(WeatherRepository weather, ApplicationEventPublisher events) {
        this.weather = weather;
        this.events = events;
    }

    /** Returns the warnings published (new, or graver than before). */
    @Transactional
    int record(String districtCode, DistrictCentres.Centre at, WeatherClient.Hourly hourly, String source,
            Instant now) {
        List<ForecastBlocks.Day> days = ForecastBlocks.days(hourly);
        weather.fetched(districtCode, at, source, now);
        weather.saveBlocks(districtCode, ForecastBlocks.blocks(hourly), source, now);
        weather.saveDays(districtCode, days, source, now);
        int published = 0;
        for (WarningRules.Warning warning : WarningRules.of(days, now)) {
            Optional<UUID> issued = weather.issue(districtCode, warning, source, now);
            if (issued.isPresent()) {
                events.publishEvent(new WeatherWarning(DomainEvent.newId(), now, districtCode, warning.severity(),
                        warning.kind(), warning.validFrom(), warning.validTo(), warning.description()));
                published++;
            }
        }
        return published;
    }

    @Transactional
    void failed(String districtCode, DistrictCentres.Centre at, String error, Instant now) {
        weather.failed(districtCode, at, error, now);
    }

}
