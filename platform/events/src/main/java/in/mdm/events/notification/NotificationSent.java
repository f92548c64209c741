package in.mdm.events.notification;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A notification reached its channel (e-mail, SMS or in-app). */
@EventContract(type = "in.mdm.notification.NotificationSent.v1", topic = NotificationTopics.DELIVERIES)
public record NotificationSent(UUID eventId, Instant occurredAt, UUID notificationId, String channel, String recipient,
        String templateCode) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(notificationId);
    }
}
