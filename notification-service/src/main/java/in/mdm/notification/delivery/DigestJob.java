package in.mdm.notification.delivery;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the digests at the top of every hour (India time), on one replica. */
@Component
class DigestJob {

    private final Digests digests;

    DigestJob(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "${mdm.notification.digest-cron:0 0 * * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "notification.digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void run() {
        digests.sendDue();
    }

}
