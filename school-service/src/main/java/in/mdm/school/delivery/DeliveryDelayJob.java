package in.mdm.school.delivery;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, deliveries past their promised date and not received become DELAYED
 * (DeliveryDelayed once each). One replica at a time (ShedLock); the update marks each
 * delivery once in any case.
 */
@Component
class DeliveryDelayJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDelayJob.class);

    private final DeliveryService deliveries;

    private final Clock clock;

    DeliveryDelayJob(DeliveryService deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(cron = "${mdm.school.deliveries.delay-check-cron:0 5 * * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "school.delivery-delays", lockAtMostFor = "PT30M")
    void flagDelayed() {
        int late = deliveries.flagDelayed(LocalDate.now(clock.withZone(DeliveryService.INDIA)));
        if (late > 0) {
            log.info("{} deliveries are past their promised date", late);
        }
    }

}
