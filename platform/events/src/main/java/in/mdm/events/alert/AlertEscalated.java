package in.mdm.events.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** An unacknowledged alert went up a level. */
@EventContract(type = "in.mdm.alert.AlertEscalated.v1", topic = AlertTopics.ALERTS)
public record AlertEscalated(UUID eventId, Instant occurredAt, UUID alertId, String severity, Jurisdiction from,
        Jurisdiction to) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(alertId);
    }
}
