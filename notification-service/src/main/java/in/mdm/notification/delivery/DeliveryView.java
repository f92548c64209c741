package in.mdm.notification.delivery;

import java.time.Instant;

import in.mdm.notification.template.Channel;

/**
 * One channel of a notification: its status (HELD, PENDING, SENDING, SENT, FAILED,
 * DIGESTED), attempts so far, the last error, and the SMS parts it took.
 */
public record DeliveryView(Channel channel, String status, String language, int attempts, String lastError,
        Instant dueAt, Instant sentAt, Integer smsParts) {
}
