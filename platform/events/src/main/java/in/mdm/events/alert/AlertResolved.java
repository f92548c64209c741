package in.mdm.events.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** An alert was resolved. */
@EventContract(type = "in.mdm.alert.AlertResolved.v1", topic = AlertTopics.ALERTS)
public record AlertResolved(UUID eventId, Instant occurredAt, UUID alertId, String resolvedBy,
        String resolution) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(alertId);
    }
}
