package in.mdm.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again, every interval, outbox entries not yet delivered, while the service keeps
 * running (restarts republish too):
 * <ul>
 * <li>an entry whose last send <em>failed</em> (Kafka was down, the batch timed out) once
 * {@code failedAfter} has passed since it was published or last sent again: nothing is
 * sending it, so it can go at once, and a broker that comes back sees the backlog within
 * seconds, not minutes;</li>
 * <li>any other entry (published or being processed when its service died) once it is
 * {@code minimumAge} old, counted from its publication or its last resubmission. The
 * minimum age is longer than a batch may take to send
 * ({@code mdm.events.batch-send-timeout}) and than single events may wait for the task
 * executor, so that an entry still being sent is not sent a second time beside it.</li>
 * </ul>
 */
class OutboxResubmitter extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;

    private final Duration minimumAge;

    private final Duration failedAfter;

    private final Clock clock;

    OutboxResubmitter(IncompleteEventPublications publications, Duration interval, Duration minimumAge,
            Duration failedAfter, Clock clock) {
        super("mdm-outbox-resubmitter", interval);
        this.publications = publications;
        this.minimumAge = minimumAge.compareTo(interval) < 0 ? interval : minimumAge;
        this.failedAfter = failedAfter;
        this.clock = clock;
    }

    @Override
    void runOnce() {
        try {
            Instant now = clock.instant();
            publications.resubmitIncompletePublications(publication -> due(publication, now));
        }
        catch (RuntimeException ex) {
            log.warn("Outbox resubmission failed; will try again in {}", interval(), ex);
        }
    }

    boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getPublicationDate();
        Instant resubmitted = publication.getLastResubmissionDate();
        if (resubmitted != null && resubmitted.isAfter(last)) {
            last = resubmitted;
        }
        Duration idle = Duration.between(last, now);
        Duration wait = publication.getStatus() == EventPublication.Status.FAILED ? failedAfter : minimumAge;
        return idle.compareTo(wait) >= 0;
    }

}
