package in.mdm.alert;

/**
 * The problem codes alert-service answers with (the {@code code} of its RFC 9457
 * problems), each documented in the service's README. Missing or bad tokens, roles that
 * may not call and bad parameters are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class AlertProblems {

    // Alerts

    /** 404: no such alert, or one outside the caller's jurisdiction. */
    public static final String ALERT_NOT_FOUND = "alert.not-found";

    /** 409: an alert was already raised for this subject from this source event. */
    public static final String DUPLICATE_SOURCE_EVENT = "alert.duplicate-source-event";

    /** 409: the alert is resolved; it can no longer be acknowledged. */
    public static final String ALERT_RESOLVED = "alert.resolved";

    // Rules

    /** 404: no rule with this code. */
    public static final String RULE_NOT_FOUND = "alert.rule-not-found";

    // Streams

    /** 401: the stream ticket is unknown, already used or expired. */
    public static final String STREAM_TICKET_INVALID = "alert.stream-ticket-invalid";

    private AlertProblems() {
    }

}
