package in.mdm.ml.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.DomainEvent;
import in.mdm.events.ml.DemandForecasted;
import in.mdm.ml.MlProblems;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Demand forecasts: a school's on request (the stored one when today's run made it, else
 * made there and then), a jurisdiction's page, and the run for all schools, in chunks,
 * each saved with its DemandForecasted events in one transaction (through the outbox), so
 * that a crash loses nothing and the next run publishes only what changed.
 */
@Service
public class ForecastService {

    private static final Logger log = LoggerFactory.getLogger(ForecastService.class);

    /** A run RUNNING for longer than this stopped with its replica. */
    static final Duration STALE = Duration.ofHours(2);

    private final FeatureStore store;

    private final ForecastRepository repository;

    private final EventBatches events;

    private final ForecastSettings settings;

    private final ObjectProvider<RainOutlook> outlooks;

    private final TransactionTemplate transactions;

    private final AuditTrail trail;

    private final Clock clock;

    private final SchoolCalendar calendar = SchoolCalendar.standard();

    private final DemandForecaster forecaster = new DemandForecaster(calendar);

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    private final Timer runs;

    ForecastService(FeatureStore store, ForecastRepository repository, EventBatches events, ForecastSettings settings,
            ObjectProvider<RainOutlook> outlooks, TransactionTemplate transactions, AuditTrail trail, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.repository = repository;
        this.events = events;
        this.settings = settings;
        this.outlooks = outlooks;
        this.transactions = transactions;
        this.trail = trail;
        this.clock = clock;
        this.runs = Timer.builder("mdm.ml.forecast.run").description("Time to forecast every school").register(meters);
    }

    /** The day forecasts are made from: yesterday, so that they cover today. */
    LocalDate asOf() {
        return store.today().minusDays(1);
    }

    /**
     * A school's forecast: 404 for a school unknown or outside the caller's jurisdiction,
     * 409 with too little history.
     */
    DemandForecast forecast(String udiseCode, Caller caller) {
        FeatureStore.SchoolHistory school = store.history(udiseCode)
            .filter(s -> caller.covers(s.districtCode(), s.blockCode(), s.udiseCode()))
            .orElseThrow(() -> ApiException.notFound(MlProblems.SCHOOL_NOT_FOUND, "No school " + udiseCode));
        LocalDate asOf = asOf();
        Optional<DemandForecast> stored = repository.find(udiseCode);
        if (stored.isPresent() && !stored.get().asOf().isBefore(asOf)) {
            return stored.get();
        }
        DemandSeries series = DemandSeries.of(school.udiseCode(), school.districtCode(), school.blockCode(),
                school.meals(), asOf, DemandForecaster.HORIZON, calendar, outlook());
        return forecaster.forecast(series, repository.latestPriors().orElse(Priors.NONE))
            .orElseThrow(() -> ApiException.conflict(MlProblems.FORECAST_TOO_LITTLE_HISTORY,
                    "udiseCode: " + udiseCode + " has " + series.observed()
                            + " days with a meal served in the last 100; a forecast needs "
                            + DemandForecaster.MIN_DAYS));
    }

    PageResponse<DemandForecast> page(String districtCode, String blockCode, Caller caller, int page, int size) {
        return repository.page(districtCode, blockCode, JurisdictionScope.of(caller).where(ForecastRepository.PLACE),
                page, size);
    }

    Optional<ForecastRun> run(UUID id) {
        return repository.run(id);
    }

    /** Starts a run in the background; 409 while one runs. */
    UUID start(String actor) {
        UUID id = begin(actor).orElseThrow(() -> ApiException.conflict(MlProblems.FORECAST_RUNNING,
                "A forecast run for all schools is running already"));
        background.submit(() -> execute(id, actor));
        return id;
    }

    /** Runs here and now (the daily schedule); empty when one runs already. */
    public Optional<ForecastRun> runNow(String actor) {
        Optional<UUID> id = begin(actor);
        id.ifPresent(run -> execute(run, actor));
        return id.flatMap(repository::run);
    }

    private Optional<UUID> begin(String actor) {
        Instant now = clock.instant();
        int stale = repository.failStale(now.minus(STALE), now);
        if (stale > 0) {
            log.warn("{} forecast run(s) left running by a stopped replica marked failed", stale);
        }
        UUID id = UUID.randomUUID();
        LocalDate asOf = asOf();
        Boolean started = transactions.execute(status -> {
            if (!repository.start(id, actor, asOf, store.countHistories(), now)) {
                status.setRollbackOnly();
                return false;
            }
            trail.record(new AuditEntry("forecast.run.started", "forecast-run", id.toString(), null,
                    Map.of("asOf", asOf.toString(), "by", actor)));
            return true;
        });
        return Boolean.TRUE.equals(started) ? Optional.of(id) : Optional.empty();
    }

    private void execute(UUID id, String actor) {
        Timer.Sample sample = Timer.start();
        LocalDate asOf = asOf();
        ForkJoinPool pool = new ForkJoinPool(settings.parallelism());
        try {
            RainOutlook outlook = memo(outlook(), asOf.minusDays(DemandSeries.WINDOW), asOf.plusDays(30));
            Priors priors = learnPriors(asOf, outlook);
            repository.priors(id, priors);
            log.info("Forecast run {} as of {}: priors from {} schools (exam {}, festival {}, heavy rain {})", id, asOf,
                    priors.schools(), priors.exam(), priors.festival(), priors.rain());
            String after = "";
            while (true) {
                List<FeatureStore.SchoolHistory> chunk = store.histories(after, null, null, settings.chunk());
                if (chunk.isEmpty()) {
                    break;
                }
                List<DemandForecast> made = pool
                    .submit(() -> chunk.parallelStream()
                        .map(s -> forecaster.forecast(DemandSeries.of(s.udiseCode(), s.districtCode(), s.blockCode(),
                                s.meals(), asOf, DemandForecaster.HORIZON, calendar, outlook), priors))
                        .flatMap(Optional::stream)
                        .toList())
                    .get();
                transactions.executeWithoutResult(status -> {
                    List<DemandForecasted> changed = changes(
                            repository.previous(made.stream().map(DemandForecast::udiseCode).toList()), made);
                    repository.save(made, clock.instant());
                    events.publish(changed);
                    repository.progress(id, chunk.size(), made.size(), changed.size());
                });
                after = chunk.getLast().udiseCode();
            }
            repository.finish(id, null, clock.instant());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            repository.finish(id, "interrupted", clock.instant());
        }
        catch (ExecutionException | RuntimeException ex) {
            log.warn("Forecast run {} failed", id, ex);
            repository.finish(id, ex.getMessage() == null ? ex.toString() : ex.getMessage(), clock.instant());
        }
        finally {
            pool.shutdown();
            sample.stop(runs);
        }
    }

    /**
     * The shared effects, from every n-th school so that about {@code priorSample} are
     * read.
     */
    private Priors learnPriors(LocalDate asOf, RainOutlook outlook) {
        int total = store.countHistories();
        int step = Math.max(1, total / Math.max(1, settings.priorSample()));
        List<DemandSeries> sample = new ArrayList<>();
        String after = "";
        int index = 0;
        while (true) {
            List<FeatureStore.SchoolHistory> chunk = store.histories(after, null, null, 5000);
            if (chunk.isEmpty()) {
                break;
            }
            for (FeatureStore.SchoolHistory s : chunk) {
                if (index++ % step == 0) {
                    sample.add(DemandSeries.of(s.udiseCode(), s.districtCode(), s.blockCode(), s.meals(), asOf,
                            DemandForecaster.HORIZON, calendar, outlook));
                }
            }
            after = chunk.getLast().udiseCode();
        }
        return Priors.learn(sample, calendar);
    }

    /**
     * DemandForecasted for each day whose forecast is new or moved by at least
     * {@code publishShare} of the meals (and 2 meals).
     */
    List<DemandForecasted> changes(Map<String, DemandForecast> previous, List<DemandForecast> made) {
        List<DemandForecasted> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (DemandForecast forecast : made) {
            Map<LocalDate, DemandForecast.Day> before = new LinkedHashMap<>();
            DemandForecast old = previous.get(forecast.udiseCode());
            if (old != null) {
                old.days().forEach(d -> before.put(d.date(), d));
            }
            for (DemandForecast.Day day : forecast.days()) {
                DemandForecast.Day was = before.get(day.date());
                if (was != null
                        && Math.abs(was.meals() - day.meals()) < Math.max(2, settings.publishShare() * was.meals())) {
                    continue;
                }
                changed.add(new DemandForecasted(DomainEvent.newId(), now, forecast.udiseCode(), day.date(),
                        day.meals(), day.lower80(), day.upper80(), DemandForecaster.VERSION));
            }
        }
        return changed;
    }

    private RainOutlook outlook() {
        return outlooks.getIfAvailable(() -> RainOutlook.NONE);
    }

    /**
     * The outlook read once per district for the days of a run (a run asks once per
     * school, and thousands of schools share a district).
     */
    static RainOutlook memo(RainOutlook source, LocalDate from, LocalDate to) {
        List<LocalDate> range = from.datesUntil(to.plusDays(1)).toList();
        Map<String, Map<LocalDate, Double>> byDistrict = new ConcurrentHashMap<>();
        return (districtCode, days) -> {
            Map<LocalDate, Double> known = byDistrict.computeIfAbsent(String.valueOf(districtCode), d -> {
                double[] values = source.heavyRain(districtCode, range);
                Map<LocalDate, Double> map = new java.util.HashMap<>();
                for (int i = 0; i < range.size(); i++) {
                    map.put(range.get(i), values[i]);
                }
                return map;
            });
            double[] result = new double[days.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = known.getOrDefault(days.get(i), Double.NaN);
            }
            return result;
        };
    }

}
