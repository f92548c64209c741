package in.mdm.events.notification;

/**
 * Kafka topics of the notification context: Delivery outcomes published by
 * notification-service.
 */
public final class NotificationTopics {

    public static final String DELIVERIES = "mdm.notification.deliveries";

    private NotificationTopics() {
    }

}
