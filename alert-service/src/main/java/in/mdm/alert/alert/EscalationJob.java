package in.mdm.alert.alert;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code mdm.alerts.escalation-check} (a minute), on one replica: unacknowledged
 * CRITICAL alerts that waited {@code mdm.alerts.escalate-after} go one level up, and
 * alerts whose cause ended (a weather warning past its validTo) resolve. Hourly: old
 * stream changes are pruned.
 */
@Component
class EscalationJob {

    private final AlertEngine engine;

    EscalationJob(AlertEngine engine) {
        this.engine = engine;
    }

    @Scheduled(fixedDelayString = "${mdm.alerts.escalation-check:PT1M}",
            initialDelayString = "${mdm.alerts.escalation-check:PT1M}")
    @SchedulerLock(name = "alert-service.escalation", lockAtMostFor = "PT10M")
    void escalate() {
        engine.escalateDue();
        engine.expireDue();
    }

    /**
     * Once an hour, on one replica: stream changes older than
     * {@code mdm.alerts.changes-kept} go.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "alert-service.changes-retention", lockAtMostFor = "PT30M")
    void pruneChanges() {
        engine.pruneChanges();
    }

}
