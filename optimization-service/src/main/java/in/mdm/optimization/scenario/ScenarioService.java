package in.mdm.optimization.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.Jurisdiction;
import in.mdm.optimization.OptimizationProblems;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * What-if runs of the twin as jobs: a request is checked against the caller's
 * jurisdiction and the planning copy, kept QUEUED and answered at once; the job runs in
 * the background ({@code concurrentJobs} at a time per instance), records its progress
 * and heartbeat, and keeps its results. A job whose instance stopped is marked FAILED
 * once its heartbeat is older than {@code staleAfter}: when an instance starts and every
 * minute ({@link ScenarioSweepJob}).
 */
@Service
public class ScenarioService {

    private static final Logger log = LoggerFactory.getLogger(ScenarioService.class);

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /** Progress is written at most this often. */
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ScenarioRepository runs;

    private final TwinStateRepository planning;

    private final ScenarioSettings settings;

    private final ScenarioEngine engine;

    private final TransactionTemplate transactions;

    private final AuditTrail audit;

    private final Clock clock;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    private final Semaphore slots;

    private final Timer timer;

    private final MeterRegistry meters;

    ScenarioService(ScenarioRepository runs, TwinStateRepository planning, ScenarioSettings settings,
            TransactionTemplate transactions, AuditTrail audit, Clock clock, MeterRegistry meters) {
        this.runs = runs;
        this.planning = planning;
        this.settings = settings;
        this.engine = new ScenarioEngine(settings);
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.slots = new Semaphore(settings.concurrentJobs(), true);
        this.meters = meters;
        this.timer = Timer.builder("mdm.optimization.scenario.run")
            .description("Time a what-if job takes to run, from its start to its results kept")
            .register(meters);
    }

    /** Checks the request, keeps the job QUEUED and starts it in the background. */
    ScenarioRun submit(RunScenarioRequest request, Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        Area area = area(request, caller, scope);
        for (Perturbation p : request.perturbationsOrNone()) {
            check(p, area, scope);
        }
        int schools = planning.schools(area);
        int runCount = request.runsOrDefault();
        if ((long) schools * runCount > settings.maxCells()) {
            throw ApiException.badRequest(OptimizationProblems.SCENARIO_TOO_LARGE,
                    "runs: " + schools + " schools × " + runCount + " runs exceed " + settings.maxCells()
                            + "; ask for at most " + Math.max(1, settings.maxCells() / Math.max(1, schools))
                            + " runs, or a smaller area");
        }
        UUID id = UUID.randomUUID();
        ScenarioRun run = transactions.execute(status -> {
            runs.insert(id, caller.username(), area, request.daysOrDefault(), runCount, request.seedOrDefault(),
                    request.perturbationsOrNone(), clock.instant());
            ScenarioRun kept = runs
                .find(id, JurisdictionScope.of(Jurisdiction.state("ALL")).where(ScenarioRepository.AREA))
                .orElseThrow();
            audit.record(new AuditEntry("scenario.run", "scenario", id.toString(), null,
                    Map.of("district", String.valueOf(area.districtCode()), "block", String.valueOf(area.blockCode()),
                            "runs", runCount, "days", kept.days())));
            return kept;
        });
        background.submit(() -> execute(run));
        return run;
    }

    /**
     * The run's area: the request's district or block, or the caller's jurisdiction;
     * unknown or outside the jurisdiction, it does not exist.
     */
    private Area area(RunScenarioRequest request, Caller caller, JurisdictionScope scope) {
        String district = request.districtCode();
        String block = request.blockCode();
        if (district == null && block == null) {
            Jurisdiction own = caller.jurisdiction();
            if (own == null || own.level() == Jurisdiction.Level.SCHOOL) {
                throw notFound("No area to run in: name a districtCode or blockCode");
            }
            switch (own.level()) {
                case DISTRICT -> district = own.code();
                case BLOCK -> block = own.code();
                default -> {
                    return Area.STATE;
                }
            }
        }
        Area area = place(district, block);
        if (!scope.covers(area.districtCode(), area.blockCode(), null)) {
            throw notFound("No district " + district + (block == null ? "" : " or block " + block));
        }
        return area;
    }

    /** A district or block as the planning copy places it. */
    private Area place(String district, String block) {
        if (block != null) {
            String of = planning.districtOfBlock(block).orElseThrow(() -> notFound("No block " + block));
            if (district != null && !district.equals(of)) {
                throw notFound("No block " + block + " in district " + district);
            }
            return new Area(of, block);
        }
        if (!planning.districtKnown(district)) {
            throw notFound("No district " + district);
        }
        return new Area(district, null);
    }

    private void check(Perturbation p, Area area, JurisdictionScope scope) {
        switch (p.type()) {
            case SUPPLIER_DELAY -> {
                if (!planning.supplierServes(p.supplierCode(), area)) {
                    throw ApiException.notFound(OptimizationProblems.SCENARIO_SUPPLIER_NOT_FOUND,
                            "supplierCode: " + p.supplierCode() + " serves no site of the run's area");
                }
            }
            case KITCHEN_CLOSED -> {
                if (!planning.kitchenCooksIn(p.kitchenId(), area)) {
                    throw ApiException.notFound(OptimizationProblems.SCENARIO_KITCHEN_NOT_FOUND,
                            "kitchenId: " + p.kitchenId() + " cooks for no school of the run's area");
                }
            }
            default -> {
                Area named = place(p.districtCode(), p.blockCode());
                if (!scope.covers(named.districtCode(), named.blockCode(), null)) {
                    throw notFound("No district " + p.districtCode()
                            + (p.blockCode() == null ? "" : " or block " + p.blockCode()));
                }
            }
        }
    }

    private static ApiException notFound(String detail) {
        return ApiException.notFound(OptimizationProblems.SCENARIO_AREA_NOT_FOUND, detail);
    }

    private void execute(ScenarioRun run) {
        UUID id = run.id();
        try {
            Duration beat = settings.staleAfter().dividedBy(4);
            while (!slots.tryAcquire(beat.toMillis(), TimeUnit.MILLISECONDS)) {
                runs.heartbeat(id, clock.instant());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            runs.failed(id, "interrupted while waiting to run", clock.instant());
            return;
        }
        Timer.Sample sample = Timer.start();
        String outcome = "failed";
        try {
            runs.started(id, clock.instant());
            LocalDate today = LocalDate.now(clock.withZone(INDIA));
            TwinState state = planning.load(run.area(), today, run.days(), settings);
            long[] last = { System.nanoTime() };
            Projection projection = engine.run(state, run.perturbations(), run.runs(), run.seed(), done -> {
                long now = System.nanoTime();
                if (now - last[0] >= PROGRESS_NANOS) {
                    last[0] = now;
                    progress(id, done, run.runs());
                }
            });
            transactions.executeWithoutResult(status -> runs.succeeded(id, projection, clock.instant()));
            outcome = "succeeded";
            log.info(
                    "What-if run {}: {} schools, {} days, {} runs; meals missed {} in the baseline, {} under the"
                            + " scenario",
                    id, state.schools(), run.days(), run.runs(), projection.total().baseline().mean(),
                    projection.total().scenario().mean());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            runs.failed(id, "interrupted", clock.instant());
        }
        catch (RuntimeException | Error ex) {
            log.warn("What-if run {} failed", id, ex);
            runs.failed(id, ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()),
                    clock.instant());
        }
        finally {
            slots.release();
            sample.stop(timer);
            Counter.builder("mdm.optimization.scenario.runs")
                .description("What-if jobs finished, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        }
    }

    /** Progress is informative: a busy database does not fail the job for it. */
    private void progress(UUID id, int done, int total) {
        try {
            runs.progress(id, done, Math.min(99, done * 100 / total), clock.instant());
        }
        catch (RuntimeException ex) {
            log.warn("What-if run {}: progress not recorded ({})", id, ex.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void failJobsLeftUnfinished() {
        failStale();
    }

    /** Marks FAILED the jobs whose instance stopped (their heartbeat went quiet). */
    public void failStale() {
        int failed = runs.failStale(clock.instant().minus(settings.staleAfter()), clock.instant());
        if (failed > 0) {
            log.warn("{} what-if runs left unfinished by a stopped instance are marked FAILED", failed);
        }
    }

    @Transactional(readOnly = true)
    ScenarioResponse get(UUID id, Caller caller) {
        ScenarioRun run = find(id, caller);
        ScenarioResponse.Results results = null;
        if (run.status() == ScenarioStatus.SUCCEEDED) {
            results = new ScenarioResponse.Results(top(id, Projection.DISTRICT, Integer.MAX_VALUE),
                    top(id, Projection.BLOCK, Integer.MAX_VALUE), top(id, Projection.SCHOOL, settings.topSchools()));
        }
        return ScenarioResponse.of(run, results);
    }

    private List<ResultResponse> top(UUID id, String level, int limit) {
        return runs.top(id, level, limit).stream().map(ResultResponse::of).toList();
    }

    private ScenarioRun find(UUID id, Caller caller) {
        return runs.find(id, visible(caller))
            .orElseThrow(() -> ApiException.notFound(OptimizationProblems.SCENARIO_NOT_FOUND,
                    "No what-if run with id " + id));
    }

    @Transactional(readOnly = true)
    PageResponse<ScenarioRun> page(ScenarioStatus status, Caller caller, int page, int size) {
        return runs.page(status, visible(caller), page, size);
    }

    /** A run's results of one level, most affected first; 404 as for the run. */
    @Transactional(readOnly = true)
    PageResponse<ResultResponse> results(UUID id, String level, Caller caller, int page, int size) {
        find(id, caller);
        return runs.results(id, level, JurisdictionScope.of(caller), page, size).map(ResultResponse::of);
    }

    /** A run is read in its district (block), or by the state. */
    private static JurisdictionScope.Condition visible(Caller caller) {
        return JurisdictionScope.of(caller).where(ScenarioRepository.AREA);
    }

}
