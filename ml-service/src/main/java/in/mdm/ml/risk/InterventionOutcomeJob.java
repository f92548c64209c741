package in.mdm.ml.risk;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the interventions' outcomes as they fall due, daily, on one replica at a time.
 */
@Component
class InterventionOutcomeJob {

    private final InterventionService interventions;

    InterventionOutcomeJob(InterventionService interventions) {
        this.interventions = interventions;
    }

    @Scheduled(cron = "${mdm.ml.interventions.outcome-cron:0 0 6 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "ml.interventions.outcomes", lockAtMostFor = "PT30M")
    void daily() {
        interventions.recordOutcomes();
    }

}
