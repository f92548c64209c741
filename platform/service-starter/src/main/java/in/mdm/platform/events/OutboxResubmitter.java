package in.mdm.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

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
 * <li>an entry no sender has claimed (still PUBLISHED or RESUBMITTED: its listener never
 * marked it PROCESSING, because the database was away at that moment, or the process that
 * published it died) once {@code unclaimedAfter} has passed since it was published or
 * last sent again (20 s by default), unless it is waiting in this process's senders'
 * queues ({@link OutboxCompletions#queued}), where it waits the minimum age like an entry
 * being processed. So such an entry goes again within seconds of the database's return;
 * one waiting in another replica's queue for longer may be sent twice, and consumers'
 * inboxes drop the repeat;</li>
 * <li>an entry being processed (PROCESSING: a sender took it, its service may have died
 * meanwhile) once it is {@code minimumAge} old, counted the same way. The minimum age is
 * longer than a batch may take to send ({@code mdm.events.batch-send-timeout}), so that
 * an entry still being sent is not sent a second time beside it.</li>
 * </ul>
 * Each pass also measures the backlog it saw, for the dashboards and alerts
 * ({@link #bindTo(MeterRegistry)}): {@code mdm.events.outbox.incomplete}, the entries not
 * yet delivered, and {@code mdm.events.outbox.oldest.age}, the age of the oldest one (0
 * when none). A pass that fails leaves the last values.
 */
class OutboxResubmitter extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;

    private final Duration minimumAge;

    private final Duration failedAfter;

    private final Duration unclaimedAfter;

    private final Clock clock;

    /** Entries waiting in this process's senders' queues, and how to let one go. */
    interface Queue {

        Queue NONE = new Queue() {
            @Override
            public boolean queued(UUID identifier) {
                return false;
            }

            @Override
            public void dequeue(UUID identifier) {
            }
        };

        boolean queued(UUID identifier);

        void dequeue(UUID identifier);

    }

    private final Queue queue;

    private final AtomicLong incomplete = new AtomicLong();

    private final AtomicLong oldestAgeMillis = new AtomicLong();

    OutboxResubmitter(IncompleteEventPublications publications, Duration interval, Duration minimumAge,
            Duration failedAfter, Duration unclaimedAfter, Queue queue, Clock clock) {
        super("mdm-outbox-resubmitter", interval);
        this.publications = publications;
        this.minimumAge = minimumAge.compareTo(interval) < 0 ? interval : minimumAge;
        this.failedAfter = failedAfter;
        this.unclaimedAfter = unclaimedAfter;
        this.queue = queue;
        this.clock = clock;
    }

    /** Registers the backlog gauges measured by each pass. */
    OutboxResubmitter bindTo(MeterRegistry meters) {
        Gauge.builder("mdm.events.outbox.incomplete", incomplete, AtomicLong::get)
            .description("Outbox entries not yet delivered to Kafka, at the last resubmission pass")
            .register(meters);
        Gauge.builder("mdm.events.outbox.oldest.age", oldestAgeMillis, (millis) -> millis.get() / 1000.0)
            .description("Age of the oldest outbox entry not yet delivered, at the last resubmission pass")
            .baseUnit("seconds")
            .register(meters);
        return this;
    }

    long incomplete() {
        return incomplete.get();
    }

    Duration oldestAge() {
        return Duration.ofMillis(oldestAgeMillis.get());
    }

    @Override
    void runOnce() {
        try {
            Instant now = clock.instant();
            long[] seen = { 0 };
            Instant[] oldest = { null };
            publications.resubmitIncompletePublications(publication -> {
                seen[0]++;
                Instant published = publication.getPublicationDate();
                if (oldest[0] == null || published.isBefore(oldest[0])) {
                    oldest[0] = published;
                }
                return due(publication, now);
            });
            incomplete.set(seen[0]);
            oldestAgeMillis.set((oldest[0] != null) ? Math.max(0, Duration.between(oldest[0], now).toMillis()) : 0);
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
        boolean queuedHere = queue.queued(publication.getIdentifier());
        Duration wait = switch (publication.getStatus()) {
            case FAILED -> failedAfter;
            case PROCESSING -> minimumAge;
            default -> queuedHere ? minimumAge : unclaimedAfter;
        };
        boolean due = idle.compareTo(wait) >= 0;
        if (due && queuedHere) {
            queue.dequeue(publication.getIdentifier());
        }
        return due;
    }

}
