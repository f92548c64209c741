package in.mdm.school.inspection;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily, on one replica at a time (ShedLock): InspectionOverdue for schools newly past
 * their due date.
 */
@Component
class InspectionOverdueJob {

    static final String LOCK = "school.inspections-overdue";

    private static final Logger log = LoggerFactory.getLogger(InspectionOverdueJob.class);

    private final InspectionService inspections;

    private final Clock clock;

    InspectionOverdueJob(InspectionService inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @Scheduled(cron = "${mdm.school.inspections.overdue-cron:0 30 6 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void publishOverdue() {
        int overdue = inspections.publishOverdue(LocalDate.now(clock.withZone(InspectionService.INDIA)));
        log.info("{} schools newly overdue for inspection", overdue);
    }

}
