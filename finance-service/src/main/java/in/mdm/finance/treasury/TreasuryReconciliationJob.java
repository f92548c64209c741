package in.mdm.finance.treasury;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily reconciliation ({@link TreasuryService#reconcile}), on one replica at a time:
 * a run records one reconciliation. Held at least a minute, so a replica whose clock is a
 * little behind does not record a second.
 */
@Component
class TreasuryReconciliationJob {

    private final TreasuryService treasury;

    TreasuryReconciliationJob(TreasuryService treasury) {
        this.treasury = treasury;
    }

    @Scheduled(cron = "${mdm.finance.treasury.reconciliation-cron:0 0 7 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "finance.treasury-reconciliation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void reconcile() {
        treasury.reconcile();
    }

}
