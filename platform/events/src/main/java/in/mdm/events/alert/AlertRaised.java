package in.mdm.events.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** An alert was raised for a jurisdiction. */
@EventContract(type = "in.mdm.alert.AlertRaised.v1", topic = AlertTopics.ALERTS)
public record AlertRaised(UUID eventId, Instant occurredAt, UUID alertId, String ruleCode, String severity,
        String title, String message, Jurisdiction scope, String udiseCode,
        String sourceEventId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(alertId);
    }
}
