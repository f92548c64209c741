package in.mdm.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notification with its deliveries and their log. */
public record NotificationDetail(UUID id, String recipient, String code, String severity, String about, boolean read,
        Instant createdAt, List<DeliveryView> deliveries, List<AttemptView> attempts) {
}
