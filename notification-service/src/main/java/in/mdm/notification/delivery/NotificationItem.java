package in.mdm.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** An in-app notification in the recipient's inbox. */
public record NotificationItem(UUID id, String code, String severity, String about, String title, String body,
        boolean read, Instant createdAt) {
}
