package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.DomainEvent;
import in.mdm.events.optimization.TransferApproved;
import in.mdm.events.optimization.TransferRejected;
import in.mdm.optimization.OptimizationProblems;
import in.mdm.optimization.state.PlanningState;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Calculations (a job per request, run one at a time on this replica), the
 * recommendations they make, and decisions on transfer plans: approving publishes
 * TransferApproved, rejecting TransferRejected (outbox, in the decision's transaction);
 * school-service's TransferExecuted or TransferRefused closes an approved plan.
 */
@Service
public class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

    private final TransferRepository transfers;

    private final OptimizationRunRepository runs;

    private final PlanningState state;

    private final SchoolLocations locations;

    private final PlannerProperties properties;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final AreaFilters areas;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "transfer-planner");
        thread.setDaemon(true);
        return thread;
    });

    RecommendationService(TransferRepository transfers, OptimizationRunRepository runs, PlanningState state,
            SchoolLocations locations, PlannerProperties properties, AuditTrail audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock, AreaFilters areas) {
        this.transfers = transfers;
        this.runs = runs;
        this.state = state;
        this.locations = locations;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.areas = areas;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * A calculation QUEUED or RUNNING for longer than this was left by a stopped
     * instance.
     */
    static final Duration STALE = Duration.ofMinutes(30);

    /**
     * Calculations left unfinished by a stopped instance are failed, not RUNNING for
     * ever.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failCalculationsLeftUnfinished() {
        int failed = runs.failStale(clock.instant().minus(STALE), clock.instant());
        if (failed > 0) {
            log.warn("{} calculations left unfinished by a stopped instance are marked FAILED", failed);
        }
    }

    /**
     * Queues a calculation over a district or a block inside the caller's jurisdiction
     * (outside it, or unknown: 404); it starts once this transaction commits.
     */
    @Transactional
    OptimizationRun calculate(CalculateRequest request, Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        String district = request.districtCode();
        String block = request.blockCode();
        if (block != null) {
            district = state.districtOfBlock(block).orElse(null);
        }
        if (district == null || !scope.covers(district, block, null)) {
            throw ApiException.notFound(OptimizationProblems.SCOPE_NOT_FOUND,
                    "No " + (block != null ? "block " + block : "district " + request.districtCode())
                            + " to plan in your jurisdiction");
        }
        int horizon = request.horizonDays() != null ? request.horizonDays() : properties.horizonDays();
        OptimizationRun run = runs.insert(UUID.randomUUID(), district, block, request.commodity(), horizon,
                caller.username(), clock.instant());
        audit.record(AuditEntry.created("optimization.calculate", "optimization-run", run.id().toString(), run));
        UUID id = run.id();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.execute(() -> execute(id));
            }
        });
        return run;
    }

    @Transactional(readOnly = true)
    OptimizationRun run(UUID id, Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        return runs.find(id)
            .filter(r -> scope.covers(r.districtCode(), r.blockCode(), null))
            .orElseThrow(() -> ApiException.notFound(OptimizationProblems.RUN_NOT_FOUND, "No calculation " + id));
    }

    @Transactional(readOnly = true)
    PageResponse<TransferPlan> recommendations(RecommendationFilter filter, Caller caller, int page, int size) {
        if (filter.runId() != null && !shares(filter.runId(), caller)) {
            // a run of another area is not found, as a read of it is
            throw ApiException.notFound(OptimizationProblems.RUN_NOT_FOUND, "runId: no calculation " + filter.runId());
        }
        return transfers.recommendations(filter, TransferService.visible(caller), page, size);
    }

    /**
     * Whether the run's area shares anything with the caller's jurisdiction (a
     * headmaster's school in it, a block officer's block ...): its recommendations may
     * then be listed by it, each narrowed to what the caller sees.
     */
    private boolean shares(UUID runId, Caller caller) {
        return runs.find(runId)
            .map(run -> areas.shares(caller, run.districtCode(), run.blockCode(), null))
            .orElse(false);
    }

    /**
     * Approves a plan waiting for a decision: TransferApproved goes out with the change.
     */
    @Transactional
    TransferPlan approve(UUID id, Caller caller) {
        TransferPlan before = decidable(id, caller);
        TransferPlan after = transfers.decide(id, TransferStatus.APPROVED, caller.username(), null, clock.instant());
        events.publishEvent(new TransferApproved(DomainEvent.newId(), after.decidedAt(), id, after.fromUdiseCode(),
                after.toUdiseCode(), after.commodity().name(), after.quantityKg(), caller.username()));
        audit.record(AuditEntry.changed("transfer.approve", "transfer", id.toString(), TransferResponse.of(before),
                TransferResponse.of(after)));
        return after;
    }

    /**
     * Rejects a plan waiting for a decision, with the reason: TransferRejected goes out.
     */
    @Transactional
    TransferPlan reject(UUID id, String reason, Caller caller) {
        TransferPlan before = decidable(id, caller);
        TransferPlan after = transfers.decide(id, TransferStatus.REJECTED, caller.username(), reason.strip(),
                clock.instant());
        events.publishEvent(
                new TransferRejected(DomainEvent.newId(), after.decidedAt(), id, caller.username(), reason.strip()));
        audit.record(AuditEntry.changed("transfer.reject", "transfer", id.toString(), TransferResponse.of(before),
                TransferResponse.of(after)));
        return after;
    }

    /**
     * The plan, locked, when the caller may decide on it: an ADMIN, or an OFFICER whose
     * jurisdiction holds both schools (otherwise 404, as if it did not exist); 409 when
     * it no longer waits for a decision.
     */
    private TransferPlan decidable(UUID id, Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        TransferPlan plan = transfers.lock(id, TransferService.visible(caller))
            .filter(p -> covers(scope, p.fromUdiseCode()) && covers(scope, p.toUdiseCode()))
            .orElseThrow(() -> ApiException.notFound(OptimizationProblems.TRANSFER_NOT_FOUND,
                    "No transfer plan with id " + id));
        if (plan.status() != TransferStatus.PROPOSED) {
            throw ApiException.conflict(OptimizationProblems.TRANSFER_ALREADY_DECIDED,
                    "The transfer plan is " + plan.status() + ", no longer waiting for a decision");
        }
        return plan;
    }

    private boolean covers(JurisdictionScope scope, String udise) {
        return locations.find(udise).map(l -> scope.covers(l.districtCode(), l.blockCode(), udise)).orElse(false);
    }

    /** school-service's answer to an approved plan. */
    @Transactional
    void outcome(UUID id, TransferStatus status, String note, Instant at) {
        if (!transfers.outcome(id, status, note, at)) {
            log.debug("transfer {} is not waiting for an outcome; {} ignored", id, status);
        }
    }

    // the job

    void execute(UUID id) {
        OptimizationRun run = runs.find(id).orElseThrow();
        try {
            runs.progress(id, "RUNNING", 5);
            List<Commodity> commodities = run.commodity() != null ? List.of(run.commodity())
                    : List.of(Commodity.values());
            LocalDate today = LocalDate.now(clock);
            List<PlanningState.Site> sites = state.sites(run.districtCode(), run.blockCode())
                .stream()
                .filter(s -> s.kind() == PlanningState.Kind.SCHOOL)
                .toList();
            Map<String, long[]> meals = meals(
                    state.forecasts(run.districtCode(), run.blockCode(), today, today.plusDays(run.horizonDays() * 3L)),
                    run.horizonDays());
            Map<String, Double> risk = new HashMap<>();
            state.risks(run.districtCode(), run.blockCode())
                .forEach(r -> risk.put(r.udiseCode(), r.score().doubleValue() / 100));
            runs.progress(id, "RUNNING", 20);
            TransferPlanner planner = new TransferPlanner(properties.settings());
            List<TransferRepository.Recommendation> recommendations = new ArrayList<>();
            long millis = 0;
            BigDecimal kg = BigDecimal.ZERO;
            BigDecimal km = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            long childrenDays = 0;
            long shortageBefore = 0;
            int done = 0;
            for (Commodity commodity : commodities) {
                double grams = properties.gramsPerMeal(commodity);
                Map<String, BigDecimal> stock = new HashMap<>();
                state.stock(run.districtCode(), run.blockCode(), commodity.name())
                    .forEach(s -> stock.put(s.siteCode(), s.quantityKg()));
                List<TransferPlanner.Site> network = new ArrayList<>();
                for (PlanningState.Site site : sites) {
                    long[] forecast = meals.get(site.udiseCode());
                    BigDecimal onHand = stock.get(site.siteCode());
                    if (forecast == null || onHand == null || grams <= 0) {
                        continue;
                    }
                    long[] need = TransferNeeds.of(onHand.doubleValue(), forecast[0], (int) forecast[1], grams,
                            properties.safetyDays());
                    shortageBefore += need[1];
                    if (site.latitude() == null || site.longitude() == null) {
                        continue;
                    }
                    network.add(new TransferPlanner.Site(site.udiseCode(), site.districtCode(), site.latitude(),
                            site.longitude(), need[0], need[1], risk.getOrDefault(site.udiseCode(), 0.0)));
                }
                long started = System.nanoTime();
                TransferPlanner.Plan plan = planner.plan(network);
                millis += (System.nanoTime() - started) / 1_000_000;
                for (TransferPlanner.Move move : plan.moves()) {
                    long wholeKg = move.grams() / 1000;
                    if (wholeKg < properties.minTransferKg() || wholeKg <= 0) {
                        continue;
                    }
                    TransferPlanner.Site from = network.get(move.fromSite());
                    TransferPlanner.Site to = network.get(move.toSite());
                    BigDecimal quantity = BigDecimal.valueOf(wholeKg);
                    BigDecimal distance = BigDecimal.valueOf(move.km()).setScale(2, RoundingMode.HALF_EVEN);
                    BigDecimal inr = BigDecimal
                        .valueOf(wholeKg * (properties.inrPerKgKm() * move.km() + properties.handlingInrPerKg()))
                        .setScale(2, RoundingMode.HALF_EVEN);
                    int covered = (int) Math.floor(wholeKg * 1000 / grams);
                    BigDecimal perInr = inr.signum() > 0
                            ? BigDecimal.valueOf(covered).divide(inr, 4, RoundingMode.HALF_EVEN) : null;
                    String reason = String.format(Locale.ROOT,
                            "%s: %d kg from %s (surplus %.0f kg beyond %d days and safety stock) to %s (short %.0f kg"
                                    + " over %d days), %.1f km, covers %d children-days",
                            commodity, wholeKg, from.code(), from.surplusGrams() / 1000.0, run.horizonDays(), to.code(),
                            to.deficitGrams() / 1000.0, run.horizonDays(), move.km(), covered);
                    recommendations.add(new TransferRepository.Recommendation(UUID.randomUUID(), id, run.districtCode(),
                            from.code(), to.code(), commodity, quantity, reason, distance, inr, covered, perInr,
                            BigDecimal.valueOf(to.risk() * 100).setScale(1, RoundingMode.HALF_EVEN)));
                    kg = kg.add(quantity);
                    km = km.add(distance);
                    cost = cost.add(inr);
                    childrenDays += covered;
                }
                done++;
                runs.progress(id, "RUNNING", 20 + 70 * done / commodities.size());
            }
            BigDecimal before = BigDecimal.valueOf(shortageBefore)
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING);
            BigDecimal after = before.subtract(kg).max(BigDecimal.ZERO);
            OptimizationRunRepository.Totals totals = new OptimizationRunRepository.Totals(sites.size(), 0, kg, km,
                    cost, childrenDays, before, after, millis);
            transaction.executeWithoutResult(tx -> {
                transfers.dropPending(run.districtCode(), run.blockCode(),
                        commodities.stream().map(Commodity::name).toList());
                int inserted = transfers.insertRecommendations(recommendations, clock.instant());
                runs.done(id,
                        new OptimizationRunRepository.Totals(totals.sites(), inserted, totals.kgMoved(), totals.km(),
                                totals.costInr(), totals.childrenDays(), totals.shortageKgBefore(),
                                totals.shortageKgAfter(), totals.solveMillis()),
                        clock.instant());
            });
            log.info("calculation {} over {} {}: {} recommendations, {} kg, {} ms to solve", id, run.districtCode(),
                    run.blockCode() == null ? "" : run.blockCode(), recommendations.size(), kg, millis);
        }
        catch (RuntimeException ex) {
            log.warn("calculation {} failed", id, ex);
            runs.failed(id, String.valueOf(ex.getMessage()), clock.instant());
        }
    }

    /**
     * Each school's forecast meals over its first {@code days} forecast school days:
     * {meals, days}.
     */
    private static Map<String, long[]> meals(List<PlanningState.Forecast> forecasts, int days) {
        Map<String, long[]> meals = new HashMap<>();
        for (PlanningState.Forecast f : forecasts) {
            long[] sum = meals.computeIfAbsent(f.udiseCode(), k -> new long[2]);
            if (sum[1] < days) {
                sum[0] += f.meals();
                sum[1]++;
            }
        }
        return meals;
    }

}
