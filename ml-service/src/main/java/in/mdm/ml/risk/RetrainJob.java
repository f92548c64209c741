package in.mdm.ml.risk;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The weekly retraining, on one replica at a time. */
@Component
class RetrainJob {

    private final RetrainService retraining;

    RetrainJob(RetrainService retraining) {
        this.retraining = retraining;
    }

    @Scheduled(cron = "${mdm.ml.risk.retrain-cron:0 30 2 * * SUN}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "ml.retrain", lockAtMostFor = "PT3H", lockAtLeastFor = "PT1M")
    void weekly() {
        retraining.runNow("weekly retraining");
    }

}
