package in.mdm.ml.weather;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.ml.MlProblems;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Fetches every district's forecast (those of the schools the feature store knows that
 * have a centre), a few at a time, and answers the API's reads within the caller's
 * jurisdiction: a district of another jurisdiction is not found, exactly like one that
 * does not exist.
 */
@Service
class WeatherService {

    private static final Logger log = LoggerFactory.getLogger(WeatherService.class);

    /** What one refresh did. */
    record Refresh(int districts, int fetched, int failed, int unplaced, int warnings) {
    }

    /** What fetching one district did. */
    enum Outcome {

        FETCHED, FAILED, UNPLACED

    }

    private final WeatherClient client;

    private final WeatherRecorder recorder;

    private final WeatherRepository weather;

    private final DistrictCentres centres;

    private final FeatureStore store;

    private final WeatherSettings settings;

    private final Clock clock;

    WeatherService(WeatherClient client, WeatherRecorder recorder, WeatherRepository weather, DistrictCentres centres,
            FeatureStore store, WeatherSettings settings, Clock clock) {
        this.client = client;
        this.recorder = recorder;
        this.weather = weather;
        this.centres = centres;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every district's forecast, {@code mdm.weather.concurrency} at a time; a district
     * that fails keeps its last good forecast, marked stale.
     */
    Refresh refreshAll() {
        List<String> districts = store.districtCodes();
        int fetched = 0;
        int failed = 0;
        int unplaced = 0;
        int warnings = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency())) {
            List<Future<int[]>> results = new ArrayList<>();
            for (String district : districts) {
                results.add(pool.submit(() -> refresh(district)));
            }
            for (Future<int[]> result : results) {
                int[] r = result.get();
                switch (Outcome.values()[r[0]]) {
                    case FETCHED -> fetched++;
                    case FAILED -> failed++;
                    case UNPLACED -> unplaced++;
                }
                warnings += r[1];
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("weather refresh", ex.getCause());
        }
        Refresh refresh = new Refresh(districts.size(), fetched, failed, unplaced, warnings);
        log.info("Weather from {}: {}", settings.source(), refresh);
        return refresh;
    }

    /** One district: {outcome ordinal, warnings published}. */
    int[] refresh(String districtCode) {
        Optional<DistrictCentres.Centre> centre = centres.find(districtCode);
        if (centre.isEmpty()) {
            return new int[] { Outcome.UNPLACED.ordinal(), 0 };
        }
        DistrictCentres.Centre at = centre.get();
        WeatherClient.Hourly hourly;
        try {
            hourly = client.fetch(at.latitude(), at.longitude());
        }
        catch (RuntimeException ex) {
            String why = ex instanceof CallNotPermittedException ? "circuit breaker open: " + ex.getMessage()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            log.warn("Weather of district {} not fetched, the last good forecast kept (stale): {}", districtCode, why);
            recorder.failed(districtCode, at, why, clock.instant());
            return new int[] { Outcome.FAILED.ordinal(), 0 };
        }
        int published = recorder.record(districtCode, at, hourly, settings.source(), clock.instant());
        return new int[] { Outcome.FETCHED.ordinal(), published };
    }

    @Transactional(readOnly = true)
    WeatherResponse district(String districtCode, Caller caller) {
        if (!caller.covers(districtCode, null, null)
                || (centres.find(districtCode).isEmpty() && !weather.known(districtCode))) {
            throw ApiException.notFound(MlProblems.WEATHER_DISTRICT_NOT_FOUND,
                    "districtCode: no weather for district " + districtCode);
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(WeatherClient.INDIA);
        Instant currentBlock = local.toLocalDate()
            .atTime(local.getHour() / ForecastBlocks.BLOCK_HOURS * ForecastBlocks.BLOCK_HOURS, 0)
            .atZone(WeatherClient.INDIA)
            .toInstant();
        Optional<WeatherRepository.Fetch> fetch = weather.fetch(districtCode);
        Instant fetchedAt = fetch.map(WeatherRepository.Fetch::fetchedAt).orElse(null);
        boolean stale = fetchedAt == null || fetch.get().stale()
                || fetchedAt.isBefore(now.minus(settings.staleAfter()));
        return new WeatherResponse(districtCode, fetch.map(WeatherRepository.Fetch::source).orElse(null), fetchedAt,
                stale, fetch.map(WeatherRepository.Fetch::attemptedAt).orElse(null),
                fetch.map(WeatherRepository.Fetch::lastError).orElse(null), weather.blocks(districtCode, currentBlock),
                weather.active(districtCode, now).stream().map(w -> WeatherResponse.Warning.of(w, now)).toList());
    }

    @Transactional(readOnly = true)
    PageResponse<WeatherResponse.Warning> warnings(String districtCode, String kind, Boolean active, Caller caller,
            int page, int size) {
        Instant now = clock.instant();
        return weather
            .page(districtCode, kind, active, now, JurisdictionScope.of(caller).where(WeatherRepository.PLACE), page,
                    size)
            .map(w -> WeatherResponse.Warning.of(w, now));
    }

}
