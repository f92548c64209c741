package in.mdm.notification.delivery;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import in.mdm.notification.template.Channel;

/**
 * What to tell recipients about one event: the template code, the severity, what it is
 * about, the event that caused it (with the recipient and channel, the idempotency key of
 * each delivery) and the values of the placeholders.
 *
 * @param account an account e-mail (activation, reset): sent at once by e-mail whatever
 * the recipient's preferences
 */
record Message(String code, String severity, String subjectRef, UUID eventId, Map<String, String> params,
        Set<Channel> channels, boolean account) {

    static final String INFO = "INFO";

    static final String WARNING = "WARNING";

    static final String CRITICAL = "CRITICAL";

    boolean urgent() {
        return account || CRITICAL.equals(severity);
    }

    /**
     * The class of a severity for delivery: CRITICAL (at once, always), WARNING or INFO
     * (may wait for quiet hours or a digest).
     */
    static String severity(String value) {
        if (value == null) {
            return WARNING;
        }
        return switch (value.toUpperCase(java.util.Locale.ROOT)) {
            case "CRITICAL" -> CRITICAL;
            case "INFO", "LOW" -> INFO;
            default -> WARNING; // alert-service's HIGH and MEDIUM, and anything new
        };
    }

}
