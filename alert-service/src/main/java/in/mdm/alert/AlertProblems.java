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

    /** 409: an alert was already raised from this source event. */
    public static final String DUPLICATE_SOURCE_EVENT = "alert.duplicate-source-event";

    private AlertProblems() {
    }

}
