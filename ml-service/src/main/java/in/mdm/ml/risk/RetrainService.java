package in.mdm.ml.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import in.mdm.ml.MlProblems;
import in.mdm.ml.feature.Feature;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.ml.model.ModelRegistry;
import in.mdm.platform.web.ApiException;

/**
 * Retraining as a job with progress: the labelled snapshots of the last
 * {@code mdm.ml.risk.training-days} days, split by time, trained, calibrated and
 * evaluated; the new version registered with its artifact and metrics, and promoted only
 * when {@link PromotionRule} finds it no worse than the active model on the latest
 * held-back window (else rejected, audited either way).
 */
@Service
class RetrainService {

    private static final Logger log = LoggerFactory.getLogger(RetrainService.class);

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy.MM.dd-HHmmss");

    private final FeatureStore store;

    private final ModelRegistry registry;

    private final ActiveModel active;

    private final RiskSettings settings;

    private final Clock clock;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    RetrainService(FeatureStore store, ModelRegistry registry, ActiveModel active, RiskSettings settings, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.active = active;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a job in the background; 409 while one runs. */
    UUID start(String actor) {
        UUID id = UUID.randomUUID();
        if (!registry.startJob(id, actor)) {
            throw ApiException.conflict(MlProblems.RETRAIN_RUNNING, "A retraining job is running already");
        }
        executor.submit(() -> run(id, actor));
        return id;
    }

    /** Runs a job here and now (the weekly schedule); empty when one runs already. */
    Optional<ModelRegistry.Job> runNow(String actor) {
        UUID id = UUID.randomUUID();
        if (!registry.startJob(id, actor)) {
            return Optional.empty();
        }
        run(id, actor);
        return registry.job(id);
    }

    void run(UUID id, String actor) {
        String version = null;
        try {
            registry.progress(id, "reading labelled feature snapshots", 5);
            LocalDate[] range = store.snapshotRange();
            if (range == null || range[1] == null) {
                throw new IllegalArgumentException("no feature snapshots yet");
            }
            LocalDate from = range[0].isBefore(range[1].minusDays(settings.trainingDays))
                    ? range[1].minusDays(settings.trainingDays) : range[0];
            Dataset data = new Dataset(1 << 16);
            store.labelledSnapshots(from, range[1], settings.horizon, data::add);
            registry.progress(id, "training on " + data.rows() + " rows", 30);
            RiskTrainer.Result result = RiskTrainer.train(data, settings.training(), settings.levels);
            registry.progress(id, "judging against the active model", 80);
            Metrics activeMetrics = null;
            Optional<ActiveModel.Loaded> serving = active.current();
            if (serving.isPresent()) {
                float[] x = data.matrix(result.split().test());
                double[] p = serving.get().model().score(x, result.split().test().length, false).probability();
                activeMetrics = Metrics.of(p, data.labels(result.split().test()), RiskTrainer.OPERATING_POINT);
            }
            version = VERSION.format(clock.instant().atZone(ZoneId.of("Asia/Kolkata")));
            byte[] artifact = result.model().toBytes();
            registry.register(new ModelRegistry.Registration(RiskSettings.MODEL, version, "xgboost-gbt+isotonic",
                    result.metrics(), result.split().train().length, artifact, RiskModel.sha256(artifact),
                    Arrays.asList(Feature.keys()), LocalDate.ofEpochDay(result.split().trainFrom()),
                    LocalDate.ofEpochDay(result.split().trainTo()), LocalDate.ofEpochDay(result.split().testFrom()),
                    LocalDate.ofEpochDay(result.split().testTo())), actor);
            PromotionRule.Decision decision = PromotionRule.decide(result.test(), activeMetrics);
            if (decision.promote()) {
                registry.promote(RiskSettings.MODEL, version, actor, decision.reason());
                active.refresh();
            }
            else {
                registry.reject(RiskSettings.MODEL, version, actor, decision.reason());
            }
            registry.finishJob(id, version, decision.promote(), null);
        }
        catch (RuntimeException ex) {
            log.warn("Retraining job {} failed", id, ex);
            registry.finishJob(id, version, null, ex.getMessage() == null ? ex.toString() : ex.getMessage());
        }
    }

}
