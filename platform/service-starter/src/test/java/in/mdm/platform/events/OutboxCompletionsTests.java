package in.mdm.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Completions queued and deleted in batches, and hidden from the lookups of unsent
 * entries until they are deleted.
 */
class OutboxCompletionsTests {

    @Test
    void completedEntriesAreDeletedInBatchesAndHiddenFromResubmissionMeanwhile() throws Exception {
        Entries entries = new Entries();
        for (int i = 0; i < 2500; i++) {
            entries.create(TargetEventPublication.of("event " + i, PublicationTargetIdentifier.of("listener")));
        }
        entries.deleteBlocked = true;
        OutboxCompletions completions = new OutboxCompletions(entries, Duration.ofMillis(10),
                new SimpleMeterRegistry());
        List<TargetEventPublication> all = entries.findIncompletePublications();
        for (TargetEventPublication publication : all.subList(0, 2000)) {
            completions.markCompleted(publication, Instant.now());
        }
        assertThat(completions.findIncompletePublicationsPublishedBefore(Instant.now().plusSeconds(1)))
            .as("completed but not yet deleted entries are not offered for resubmission")
            .hasSize(500);
        assertThat(entries.rows).as("nothing deleted while the database refuses").hasSize(2500);

        entries.deleteBlocked = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> entries.rows.size() == 500);
        assertThat(entries.deleteCalls).as("deleted in batches of at most 1,000").allMatch(n -> n <= 1000);
        assertThat(entries.deleteCalls.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);

        completions.markCompleted(all.get(2000), Instant.now());
        completions.destroy();
        assertThat(entries.rows).as("a graceful stop deletes what was queued").hasSize(499);
    }

    @Test
    void aFailedSendTheDatabaseCouldNotRecordIsRecordedOnceItIsBack() throws Exception {
        Entries entries = new Entries();
        TargetEventPublication publication = entries
            .create(TargetEventPublication.of("event", PublicationTargetIdentifier.of("listener")));
        OutboxCompletions completions = new OutboxCompletions(entries, Duration.ofMillis(10),
                new SimpleMeterRegistry());
        entries.deleteBlocked = true;

        completions.markFailed(publication.getIdentifier());

        assertThat(entries.failed).as("not recorded while the database is away").isEmpty();
        assertThat(completions.failuresToRecord()).isEqualTo(1);
        assertThat(completions.findIncompletePublications()).as("still unsent, so sent again")
            .extracting(TargetEventPublication::getIdentifier)
            .containsExactly(publication.getIdentifier());

        entries.deleteBlocked = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> completions.failuresToRecord() == 0);
        assertThat(entries.failed).as("recorded once the database is back")
            .containsExactly(publication.getIdentifier());
        completions.destroy();
    }

    @Test
    void anEntryWhoseCommitEndedInAnUnknownStateIsRecordedFailedSoThatItIsSentAgainSoon() throws Exception {
        Entries entries = new Entries();
        OutboxCompletions completions = new OutboxCompletions(entries, Duration.ofMillis(10),
                new SimpleMeterRegistry());
        TargetEventPublication unknown = transaction(completions, TransactionSynchronization.STATUS_UNKNOWN);
        TargetEventPublication committed = transaction(completions, TransactionSynchronization.STATUS_COMMITTED);

        await().atMost(Duration.ofSeconds(10)).until(() -> completions.failuresToRecord() == 0);
        assertThat(entries.failed).as("only the entry whose commit's outcome is unknown")
            .containsExactly(unknown.getIdentifier())
            .doesNotContain(committed.getIdentifier());
        completions.destroy();
    }

    @Test
    void anEntryTheDatabaseCouldNotMarkProcessingIsRecordedFailedOnceItIsBack() throws Exception {
        Entries entries = new Entries();
        OutboxCompletions completions = new OutboxCompletions(entries, Duration.ofMillis(10),
                new SimpleMeterRegistry());
        TargetEventPublication publication = transaction(completions, TransactionSynchronization.STATUS_COMMITTED);
        assertThat(completions.queued(publication.getIdentifier())).as("handed to its sender after the commit")
            .isTrue();
        entries.deleteBlocked = true;

        assertThatThrownBy(() -> completions.markProcessing(publication.getIdentifier()))
            .as("Spring Modulith then does not run the listener")
            .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
        assertThat(completions.queued(publication.getIdentifier())).as("taken by its sender").isFalse();

        entries.deleteBlocked = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> completions.failuresToRecord() == 0);
        assertThat(entries.failed).as("recorded failed, so sent again within seconds")
            .containsExactly(publication.getIdentifier());
        completions.destroy();
    }

    /** Stores an entry in a transaction that ends with {@code status}. */
    static TargetEventPublication transaction(OutboxCompletions completions, int status) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            TargetEventPublication created = completions
                .create(TargetEventPublication.of("event", PublicationTargetIdentifier.of("listener")));
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            if (status == TransactionSynchronization.STATUS_COMMITTED) {
                synchronizations.forEach(TransactionSynchronization::afterCommit);
            }
            synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
            return created;
        }
        finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /**
     * The outbox table as a map; a delete or a failure's record fails while
     * {@code deleteBlocked}.
     */
    static final class Entries implements EventPublicationRepository {

        final Map<UUID, TargetEventPublication> rows = new ConcurrentHashMap<>();

        final List<Integer> deleteCalls = new CopyOnWriteArrayList<>();

        final List<UUID> failed = new CopyOnWriteArrayList<>();

        volatile boolean deleteBlocked;

        @Override
        public void markProcessing(UUID identifier) {
            if (deleteBlocked) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database away");
            }
        }

        @Override
        public void markFailed(UUID identifier) {
            if (deleteBlocked) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database away");
            }
            failed.add(identifier);
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            rows.put(publication.getIdentifier(), publication);
            return publication;
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            if (deleteBlocked) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database away");
            }
            deleteCalls.add(identifiers.size());
            identifiers.forEach(rows::remove);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return new ArrayList<>(rows.values());
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return rows.values().stream().filter(p -> p.getPublicationDate().isBefore(instant)).toList();
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            throw new UnsupportedOperationException("completions go through the queue");
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                PublicationTargetIdentifier targetIdentifier) {
            return Optional.empty();
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return List.of();
        }

        @Override
        public void deleteCompletedPublications() {
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
        }

    }

}
