package in.mdm.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The outbox's publication repository with completions recorded in batches. Spring
 * Modulith completes an outbox entry (deletes it, in the platform's completion mode) once
 * per event, with a statement and a pooled connection each, on whichever thread finished
 * the send. Here a completion only queues the entry's id; one thread of the platform's
 * own deletes the queued ids in batches, a few times a second. So recording an outcome
 * never waits for a connection, and a burst of thousands of sends costs a handful of
 * statements.
 * <p>
 * Entries completed and not yet deleted are left out of the lookups of incomplete
 * entries, so the periodic resubmission does not send them again meanwhile.
 * <p>
 * If the service stops before a batch is deleted (a crash; a graceful stop deletes what
 * is queued), those entries are sent again at the next start and consumers' inboxes drop
 * the repeats: the outbox stays at-least-once. Everything else goes straight to the
 * repository it wraps.
 */
class OutboxCompletions implements EventPublicationRepository, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxCompletions.class);

    private static final int MAX_BATCH = 1000;

    private final EventPublicationRepository delegate;

    private final Duration interval;

    private final LinkedBlockingQueue<UUID> completed = new LinkedBlockingQueue<>();

    /**
     * Completed and not yet deleted: hidden from the lookups of incomplete entries, so
     * none is sent again.
     */
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    private final Thread writer;

    private final Counter deleted;

    private volatile boolean running = true;

    OutboxCompletions(EventPublicationRepository delegate, Duration interval, MeterRegistry meters) {
        this.delegate = delegate;
        this.interval = interval;
        this.deleted = Counter.builder("mdm.events.outbox.completed")
            .description("Outbox entries completed (deleted) after their events were sent")
            .register(meters);
        Gauge.builder("mdm.events.outbox.completions.queued", completed, LinkedBlockingQueue::size)
            .description("Outbox entries sent and waiting to be deleted")
            .register(meters);
        this.writer = Thread.ofPlatform().daemon().name("mdm-outbox-completions").unstarted(this::run);
        this.writer.start();
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        pending.add(identifier);
        completed.add(identifier);
    }

    private void run() {
        List<UUID> batch = new ArrayList<>(MAX_BATCH);
        while (running || !completed.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    UUID first = completed.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                completed.drainTo(batch, MAX_BATCH - batch.size());
                delegate.deletePublications(batch);
                deleted.increment(batch.size());
                batch.forEach(pending::remove);
                batch.clear();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                // the database is away: keep the ids and try again; meanwhile the entries
                // look unsent, and if it stays
                // away past the resubmission age they are sent again (consumers drop the
                // repeats)
                log.warn("Could not complete {} outbox entries ({}); trying again", batch.size(), ex.getMessage());
                if (!running) {
                    return;
                }
                try {
                    Thread.sleep(Math.max(500, interval.toMillis() * 10));
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes what is queued and stops. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(Duration.ofSeconds(10));
        if (writer.isAlive()) {
            writer.interrupt();
        }
    }

    /** Ids sent and not yet deleted (for tests and metrics). */
    int queued() {
        return completed.size();
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        return delegate.create(publication);
    }

    @Override
    public void markProcessing(UUID identifier) {
        delegate.markProcessing(identifier);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markFailed(UUID identifier) {
        delegate.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return delegate.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return withoutPending(delegate.findIncompletePublications());
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return withoutPending(delegate.findIncompletePublicationsPublishedBefore(instant));
    }

    private List<TargetEventPublication> withoutPending(List<TargetEventPublication> publications) {
        if (pending.isEmpty()) {
            return publications;
        }
        return publications.stream().filter(p -> !pending.contains(p.getIdentifier())).toList();
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier)
            .filter(p -> !pending.contains(p.getIdentifier()));
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return delegate.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        delegate.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        delegate.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        delegate.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return delegate.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
        return delegate.findByStatus(status);
    }

    @Override
    public int countByStatus(EventPublication.Status status) {
        return delegate.countByStatus(status);
    }

}
