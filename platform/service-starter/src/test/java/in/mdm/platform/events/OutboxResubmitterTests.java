package in.mdm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/**
 * Which unsent outbox entries the periodic resubmission sends again: a failed one soon,
 * one that may still be in flight only once it is old, counted from its last
 * resubmission.
 */
class OutboxResubmitterTests {

    static final Instant NOW = Instant.parse("2026-12-05T04:00:00Z");

    /** {@code due} needs no registry. */
    final OutboxResubmitter resubmitter = new OutboxResubmitter(null, Duration.ofSeconds(5), Duration.ofMinutes(2),
            Duration.ofSeconds(5), Duration.ofSeconds(20), OutboxResubmitter.Queue.NONE, Clock.systemUTC());

    @Test
    void aFailedSendIsDueSecondsAfterItWasPublishedOrLastSentAgain() {
        assertThat(resubmitter.due(publication(EventPublication.Status.FAILED, NOW.minusSeconds(6), null), NOW))
            .isTrue();
        assertThat(resubmitter.due(publication(EventPublication.Status.FAILED, NOW.minusSeconds(3), null), NOW))
            .isFalse();
        assertThat(resubmitter
            .due(publication(EventPublication.Status.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(2)), NOW))
            .as("sent again two seconds ago")
            .isFalse();
    }

    @Test
    void anEntryASenderIsProcessingWaitsTheMinimumAge() {
        EventPublication.Status status = EventPublication.Status.PROCESSING;
        assertThat(resubmitter.due(publication(status, NOW.minusSeconds(60), null), NOW)).isFalse();
        assertThat(resubmitter.due(publication(status, NOW.minusSeconds(121), null), NOW)).isTrue();
        assertThat(resubmitter.due(publication(status, NOW.minusSeconds(600), NOW.minusSeconds(60)), NOW))
            .as("resubmitted a minute ago")
            .isFalse();
    }

    /**
     * Published or resubmitted and never claimed by a sender (the database was away when
     * its listener tried to mark it processing): sent again after 20 s, not 2 minutes.
     */
    @Test
    void anEntryNoSenderClaimedIsDueSecondsLater() {
        for (EventPublication.Status status : new EventPublication.Status[] { EventPublication.Status.PUBLISHED,
                EventPublication.Status.RESUBMITTED }) {
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(10), null), NOW)).as(status.name())
                .isFalse();
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(21), null), NOW)).as(status.name())
                .isTrue();
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(600), NOW.minusSeconds(10)), NOW))
                .as(status.name() + ", resubmitted ten seconds ago")
                .isFalse();
        }
    }

    /**
     * An entry waiting in this process's sender queue is not sent beside it: it waits the
     * minimum age, and is then let go.
     */
    @Test
    void anEntryWaitingInThisProcesssQueueWaitsTheMinimumAge() {
        java.util.Set<UUID> waiting = new java.util.HashSet<>();
        OutboxResubmitter withQueue = new OutboxResubmitter(null, Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20), new OutboxResubmitter.Queue() {
                    @Override
                    public boolean queued(UUID identifier) {
                        return waiting.contains(identifier);
                    }

                    @Override
                    public void dequeue(UUID identifier) {
                        waiting.remove(identifier);
                    }
                }, Clock.systemUTC());
        EventPublication young = publication(EventPublication.Status.PUBLISHED, NOW.minusSeconds(60), null);
        EventPublication old = publication(EventPublication.Status.PUBLISHED, NOW.minusSeconds(121), null);
        waiting.add(young.getIdentifier());
        waiting.add(old.getIdentifier());
        assertThat(withQueue.due(young, NOW)).as("queued here a minute").isFalse();
        assertThat(withQueue.due(old, NOW)).as("queued here over two minutes").isTrue();
        assertThat(waiting).as("the old one let go").containsExactly(young.getIdentifier());
    }

    /**
     * Each pass measures the backlog it saw: how many entries are not yet delivered and
     * the age of the oldest, whether or not they are due; an empty outbox reads 0.
     */
    @Test
    void eachPassMeasuresTheBacklogAndTheAgeOfItsOldestEntry() {
        java.util.List<EventPublication> outbox = new java.util.ArrayList<>(
                java.util.List.of(publication(EventPublication.Status.PUBLISHED, NOW.minusSeconds(3), null),
                        publication(EventPublication.Status.FAILED, NOW.minusSeconds(90), null),
                        publication(EventPublication.Status.PROCESSING, NOW.minusSeconds(30), null)));
        java.util.List<EventPublication> resubmitted = new java.util.ArrayList<>();
        org.springframework.modulith.events.IncompleteEventPublications publications = new org.springframework.modulith.events.IncompleteEventPublications() {
            @Override
            public void resubmitIncompletePublications(java.util.function.Predicate<EventPublication> filter) {
                outbox.stream().filter(filter).forEach(resubmitted::add);
            }

            @Override
            public void resubmitIncompletePublicationsOlderThan(Duration duration) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void resubmitIncompletePublications(
                    org.springframework.modulith.events.ResubmissionOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        OutboxResubmitter measured = new OutboxResubmitter(publications, Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20), OutboxResubmitter.Queue.NONE,
                Clock.fixed(NOW, java.time.ZoneOffset.UTC))
            .bindTo(meters);

        measured.runOnce();
        assertThat(resubmitted).as("only the failed one is due").hasSize(1);
        assertThat(meters.get("mdm.events.outbox.incomplete").gauge().value()).isEqualTo(3.0);
        assertThat(meters.get("mdm.events.outbox.oldest.age").gauge().value()).isEqualTo(90.0);

        outbox.clear();
        measured.runOnce();
        assertThat(meters.get("mdm.events.outbox.incomplete").gauge().value()).isZero();
        assertThat(meters.get("mdm.events.outbox.oldest.age").gauge().value()).isZero();
    }

    static EventPublication publication(EventPublication.Status status, Instant published, Instant resubmitted) {
        UUID id = UUID.randomUUID();
        return new EventPublication() {

            @Override
            public UUID getIdentifier() {
                return id;
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return status;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return resubmitted;
            }

            @Override
            public int getCompletionAttempts() {
                return 1;
            }

        };
    }

}
