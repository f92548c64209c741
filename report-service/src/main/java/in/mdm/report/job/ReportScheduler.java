package in.mdm.report.job;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due report schedules. ShedLock lets one replica at a time look; the schedule's
 * row lock and its moved {@code next_run_at} make each firing happen once even if two
 * looked at the same moment.
 */
@Component
class ReportScheduler {

    private final ReportScheduleService schedules;

    private final Clock clock;

    ReportScheduler(ReportScheduleService schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mdm.report.schedule-interval:PT30S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "report.schedules", lockAtMostFor = "PT5M")
    void fire() {
        schedules.fireDue(clock.instant());
    }

}
