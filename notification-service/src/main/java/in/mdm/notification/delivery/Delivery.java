package in.mdm.notification.delivery;

import java.util.UUID;

import in.mdm.notification.template.Channel;

/** A delivery claimed for sending, with what the channel needs. */
record Delivery(UUID id, UUID notificationId, String code, String username, Channel channel, String address,
        String language, String subject, String body, int attempts) {
}
