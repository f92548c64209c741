package in.mdm.notification.delivery;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DeliverySender} every {@code mdm.notification.sender.interval}, on one
 * replica.
 */
@Component
class DeliverySenderJob {

    private final DeliverySender sender;

    DeliverySenderJob(DeliverySender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${mdm.notification.sender.interval}")
    @SchedulerLock(name = "notification.sender", lockAtMostFor = "PT10M")
    void run() {
        sender.sendDue();
    }

}
