package in.mdm.events.alert;

/**
 * Kafka topics of the alert context: Alert lifecycle events published by alert-service.
 */
public final class AlertTopics {

    public static final String ALERTS = "mdm.alert.alerts";

    private AlertTopics() {
    }

}
