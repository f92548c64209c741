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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
class OutboxCompletions implements EventPublicationRepository, OutboxResubmitter.Queue, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxCompletions.class);

    private static final int MAX_BATCH = 1000;

    private static final int MAX_QUEUED = 100_000;

    private final EventPublicationRepository delegate;

    private final Duration interval;

    private final LinkedBlockingQueue<UUID> completed = new LinkedBlockingQueue<>();

    /**
     * Completed and not yet deleted: hidden from the lookups of incomplete entries, so
     * none is sent again.
     */
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    /**
     * Entries whose send failed while the database was away, so that their failure could
     * not be recorded: recorded once it is back. Unrecorded, an entry would look as if it
     * were still being sent and wait the resubmission's minimum age (minutes) instead of
     * going again seconds after the database returned.
     */
    private final Set<UUID> failuresToRecord = ConcurrentHashMap.newKeySet();

    /**
     * Entries this process committed (or resubmitted) and handed to a sender that has not
     * taken them yet: waiting in an executor's queue, so not to be sent again beside it.
     */
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

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
        queued.remove(identifier);
        pending.add(identifier);
        completed.add(identifier);
    }

    private void run() {
        List<UUID> batch = new ArrayList<>(MAX_BATCH);
        while (running || !completed.isEmpty()) {
            try {
                recordFailures();
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
                batch.forEach(queued::remove);
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
                log.warn("Could not complete {} outbox entries or record {} failed sends ({}); trying again",
                        batch.size(), failuresToRecord.size(), ex.getMessage());
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

    private void recordFailures() {
        if (failuresToRecord.isEmpty()) {
            return;
        }
        for (UUID identifier : List.copyOf(failuresToRecord)) {
            delegate.markFailed(identifier);
            failuresToRecord.remove(identifier);
        }
        log.info("Recorded the failed sends of outbox entries the database had been away for");
    }

    /** Ids sent and not yet deleted (for tests and metrics). */
    int queued() {
        return completed.size();
    }

    /**
     * Stores a new entry. If the transaction storing it ends in an unknown state (the
     * database went away during the commit and the rollback failed too), the entry may
     * have been committed without being sent, since only a known commit sends it: it is
     * then recorded as failed once the database answers, so that the resubmission sends
     * it within seconds rather than after the minimum age. If the commit did not happen,
     * there is no entry and the record changes nothing.
     */
    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        TargetEventPublication created = delegate.create(publication);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            UUID identifier = created.getIdentifier();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // handed to its sender right after the commit
                    queue(identifier);
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_UNKNOWN) {
                        failuresToRecord.add(identifier);
                    }
                }
            });
        }
        return created;
    }

    /**
     * Marks an entry as taken by a sender. If the database is away, Spring Modulith does
     * not run the listener at all: the entry is then recorded as failed once the database
     * is back, and sent again within seconds.
     */
    @Override
    public void markProcessing(UUID identifier) {
        queued.remove(identifier);
        try {
            delegate.markProcessing(identifier);
        }
        catch (RuntimeException ex) {
            failuresToRecord.add(identifier);
            throw ex;
        }
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    /**
     * Records a failed send; if the database is away, keeps the id and records it when
     * the database is back (the entry is then sent again within seconds).
     */
    @Override
    public void markFailed(UUID identifier) {
        queued.remove(identifier);
        try {
            delegate.markFailed(identifier);
        }
        catch (RuntimeException ex) {
            failuresToRecord.add(identifier);
            log.warn("Could not record the failed send of outbox entry {} ({}); recording it when the database is back",
                    identifier, ex.getMessage());
        }
    }

    /** Failed sends waiting for the database to be recorded (for tests). */
    int failuresToRecord() {
        return failuresToRecord.size();
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        boolean resubmitted = delegate.markResubmitted(identifier, resubmissionDate);
        if (resubmitted) {
            queue(identifier);
        }
        return resubmitted;
    }

    /**
     * Most entries leave the set when their sender takes them; one completed by Spring
     * Modulith's lookup by event (not by id) would stay, so the set is bounded: past
     * {@value #MAX_QUEUED} it starts again (forgotten entries then wait the shorter
     * unclaimed age, and may be sent twice).
     */
    private void queue(UUID identifier) {
        if (queued.size() >= MAX_QUEUED) {
            queued.clear();
        }
        queued.add(identifier);
    }

    /**
     * Whether this process handed the entry to a sender that has not taken it yet; an
     * entry that stays so past the resubmission's minimum age is let go (the resubmission
     * sends it then).
     */
    @Override
    public boolean queued(UUID identifier) {
        return queued.contains(identifier);
    }

    /** Forgets an entry the resubmission takes over. */
    @Override
    public void dequeue(UUID identifier) {
        queued.remove(identifier);
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
