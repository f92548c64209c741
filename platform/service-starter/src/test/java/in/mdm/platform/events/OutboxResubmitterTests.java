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
            Duration.ofSeconds(5), Clock.systemUTC());

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
    void anEntryThatMayStillBeInFlightWaitsTheMinimumAge() {
        for (EventPublication.Status status : new EventPublication.Status[] { EventPublication.Status.PUBLISHED,
                EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED }) {
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(60), null), NOW)).as(status.name())
                .isFalse();
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(121), null), NOW)).as(status.name())
                .isTrue();
            assertThat(resubmitter.due(publication(status, NOW.minusSeconds(600), NOW.minusSeconds(60)), NOW))
                .as(status.name() + ", resubmitted a minute ago")
                .isFalse();
        }
    }

    static EventPublication publication(EventPublication.Status status, Instant published, Instant resubmitted) {
        return new EventPublication() {

            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
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
