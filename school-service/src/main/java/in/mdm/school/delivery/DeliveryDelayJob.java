package in.mdm.school.delivery;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, deliveries past their promised date and not received become DELAYED (DeliveryDelayed once each).
 * Safe on several replicas: the update marks each delivery once, whichever instance runs first.
 */
@Component
class DeliveryDelayJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDelayJob.class);

    private final DeliveryService deliveries;

    DeliveryDelayJob(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(cron = "${mdm.school.deliveries.delay-check-cron:0 5 * * * *}", zone = "Asia/Kolkata")
    void flagDelayed() {
        int late = deliveries.flagDelayed(LocalDate.now(DeliveryService.INDIA));
        if (late > 0) {
            log.info("{} deliveries are past their promised date", late);
        }
    }
}
