package in.mdm.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again, every interval, outbox entries that are older than a minimum age and still
 * not delivered (Kafka was down, or the send failed). Restarts republish too; this covers
 * a service that keeps running. The minimum age is longer than a batch may take to send
 * ({@code mdm.events.batch-send-timeout}) and than single events may wait for the task
 * executor, so that an entry still being sent is not sent a second time beside it.
 */
class OutboxResubmitter extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;

    private final Duration minimumAge;

    OutboxResubmitter(IncompleteEventPublications publications, Duration interval, Duration minimumAge) {
        super("mdm-outbox-resubmitter", interval);
        this.publications = publications;
        this.minimumAge = minimumAge.compareTo(interval) < 0 ? interval : minimumAge;
    }

    @Override
    void runOnce() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(minimumAge);
        }
        catch (RuntimeException ex) {
            log.warn("Outbox resubmission failed; will try again in {}", interval(), ex);
        }
    }

}
