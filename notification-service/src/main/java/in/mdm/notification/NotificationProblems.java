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

    private NotificationProblems() {
    }

}
