package in.mdm.notification;

/**
 * The problem codes notification-service answers with (the {@code code} of its RFC 9457
 * problems), each documented in the service's README. Missing or bad tokens, roles that
 * may not call and bad parameters are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class NotificationProblems {

    // Templates

    /** 404: no template with this code. */
    public static final String TEMPLATE_NOT_FOUND = "notification.template.not-found";

    /** 400: a template uses a placeholder its code does not fill. */
    public static final String TEMPLATE_UNKNOWN_PLACEHOLDER = "notification.template.unknown-placeholder";

    /**
     * 400: an SMS template with a subject, or an e-mail or in-app template without one.
     */
    public static final String TEMPLATE_SUBJECT = "notification.template.subject";

    /** 400: an SMS template whose fixed text takes more than two parts. */
    public static final String TEMPLATE_SMS_TOO_LONG = "notification.template.sms-too-long";

    // Notifications

    /** 404: no notification with this id for the caller. */
    public static final String NOTIFICATION_NOT_FOUND = "notification.not-found";

    /** 409: resend of a notification none of whose deliveries has failed. */
    public static final String NOTHING_TO_RESEND = "notification.nothing-to-resend";

    /** 404: the caller has no recipient entry (no user event has reached the service). */
    public static final String RECIPIENT_NOT_FOUND = "notification.recipient.not-found";

    /** 400: quiet hours with a start and no end, or the other way round. */
    public static final String QUIET_HOURS_INCOMPLETE = "notification.preferences.quiet-hours";

    private NotificationProblems() {
    }

}
