package in.mdm.events.notification;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A notification could not be delivered after its retries. */
@EventContract(type = "in.mdm.notification.NotificationFailed.v1", topic = NotificationTopics.DELIVERIES)
public record NotificationFailed(UUID eventId, Instant occurredAt, UUID notificationId, String channel,
        String recipient, String templateCode, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(notificationId);
    }
}
