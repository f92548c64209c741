package in.mdm.finance.utilization;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily, on one replica at a time: releases with nothing spent since for the configured
 * time are signalled ({@link UtilizationService#signalIdleReleases}). Held at least a
 * minute, so a replica whose clock is a little behind does not run the check again.
 */
@Component
class IdleReleaseJob {

    private final UtilizationService utilization;

    IdleReleaseJob(UtilizationService utilization) {
        this.utilization = utilization;
    }

    @Scheduled(cron = "${mdm.finance.utilization.idle-check-cron:0 30 7 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "finance.idle-releases", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void signalIdleReleases() {
        utilization.signalIdleReleases();
    }

}
