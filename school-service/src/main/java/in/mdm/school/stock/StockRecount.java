package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;
import in.mdm.school.stock.MealConsumptionRepository.Need;
import in.mdm.school.stock.StockCountRepository.Count;

/**
 * StockCounted for every school's and kitchen's balance, once, when an ADMIN asks: a
 * consumer that starts late (optimization-service's copy of the stock) builds its copy
 * from them and keeps it with the StockCounted of every change after. A job: 202, then
 * its progress. The balances are read a page at a time in key order; each page, with the
 * days of stock at each site's usual consumption (as the posting paths compute it) and
 * the supplier, goes to the outbox in its own transaction with the job's counts. One
 * recount runs at a time; others wait their turn (QUEUED).
 */
@Service
class StockRecount implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StockRecount.class);

    private static final UUID FIRST_KITCHEN = new UUID(0, 0);

    private final StockRecountRepository jobs;

    private final StockCountRepository balances;

    private final MealConsumptionRepository needs;

    private final StockRepository norms;

    private final EventBatches events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final int pageSize;

    private final ExecutorService runner = Executors
        .newSingleThreadExecutor(Thread.ofVirtual().name("stock-recount-", 1).factory());

    StockRecount(StockRecountRepository jobs, StockCountRepository balances, MealConsumptionRepository needs,
            StockRepository norms, EventBatches events, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${mdm.school.stock.recount-page:2000}") int pageSize) {
        this.jobs = jobs;
        this.balances = balances;
        this.needs = needs;
        this.norms = norms;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failJobsLeftUnfinished() {
        int failed = jobs.failUnfinished();
        if (failed > 0) {
            log.warn("{} stock recounts were left unfinished by a stopped instance and are marked FAILED", failed);
        }
    }

    /** Queues a recount and answers it (QUEUED). */
    StockRecountResponse start(String requestedBy) {
        UUID id = UUID.randomUUID();
        jobs.create(id, requestedBy);
        StockRecountResponse queued = jobs.find(id).orElseThrow();
        runner.execute(() -> run(id));
        return queued;
    }

    StockRecountResponse get(UUID id) {
        return jobs.find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.STOCK_RECOUNT_NOT_FOUND, "No stock recount " + id));
    }

    private void run(UUID id) {
        long start = System.nanoTime();
        try {
            long total = balances.balances();
            jobs.started(id, total);
            long[] done = { 0 };
            String udise = "";
            String commodity = "";
            while (true) {
                List<Count> page = balances.schoolPage(udise, commodity, pageSize);
                if (page.isEmpty()) {
                    break;
                }
                publish(id, page, total, done);
                Count last = page.get(page.size() - 1);
                udise = last.site().udiseCode();
                commodity = last.commodity().name();
            }
            UUID kitchen = FIRST_KITCHEN;
            commodity = "";
            while (true) {
                List<Count> page = balances.kitchenPage(kitchen, commodity, pageSize);
                if (page.isEmpty()) {
                    break;
                }
                publish(id, page, total, done);
                Count last = page.get(page.size() - 1);
                kitchen = last.site().kitchenId();
                commodity = last.commodity().name();
            }
            jobs.succeeded(id);
            log.info("stock recount {}: {} balances published in {} ms", id, done[0],
                    (System.nanoTime() - start) / 1_000_000);
        }
        catch (RuntimeException ex) {
            log.error("stock recount {} failed", id, ex);
            jobs.failed(id, "the recount failed after publishing some balances; start another: "
                    + ex.getClass().getSimpleName());
        }
    }

    /** A page's events and the job's counts, in one transaction. */
    private void publish(UUID id, List<Count> page, long total, long[] done) {
        transactions.executeWithoutResult(status -> {
            LocalDate today = LocalDate.now(clock.withZone(StockService.INDIA));
            String year = AcademicYear.of(today);
            List<String> schools = page.stream()
                .filter(c -> !c.site().isKitchen())
                .map(c -> c.site().udiseCode())
                .distinct()
                .toList();
            List<UUID> kitchens = page.stream()
                .filter(c -> c.site().isKitchen())
                .map(c -> c.site().kitchenId())
                .distinct()
                .toList();
            Map<String, Need> schoolNeeds = needs.schoolNeeds(schools, year);
            Map<UUID, Need> kitchenNeeds = needs.kitchenNeeds(kitchens, year);
            Map<Commodity, NormResponse> normOf = new EnumMap<>(Commodity.class);
            norms.norms().forEach(n -> normOf.put(n.commodity(), n));
            Instant now = clock.instant();
            List<DomainEvent> counted = new ArrayList<>(page.size());
            for (Count count : page) {
                Need need = count.site().isKitchen() ? kitchenNeeds.get(count.site().kitchenId())
                        : schoolNeeds.get(count.site().udiseCode());
                NormResponse norm = normOf.get(count.commodity());
                BigDecimal dailyNeed = need == null || norm == null ? null
                        : MealConsumption.kilograms(norm, need.primary(), need.upperPrimary());
                counted.add(StockCounts.event(count, dailyNeed, now));
            }
            events.publish(counted);
            done[0] += page.size();
            int progress = total == 0 ? 99 : (int) Math.min(99, done[0] * 100 / total);
            jobs.published(id, page.size(), progress);
        });
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

}
