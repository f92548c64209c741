package in.mdm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in one service and that others may react to.
 * <p>
 * The identity ({@link #eventId()}) is assigned once, when the fact is recorded, and
 * travels with the event through the outbox, so a republished event keeps its id and
 * consumers can drop duplicates. {@link #aggregateId()} is the Kafka key: events of one
 * aggregate (one school, one release) stay in order.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    String aggregateId();

    /**
     * A fresh event id, time-ordered ({@link Ids}): consumers' inboxes record every id
     * they apply, and keep growing at the end of their index.
     */
    static UUID newId() {
        return Ids.timeOrdered();
    }

}
