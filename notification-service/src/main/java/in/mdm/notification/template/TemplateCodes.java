package in.mdm.notification.template;

import java.util.Map;
import java.util.Set;

/**
 * The kinds of notification the service sends, each with the placeholders its sender
 * fills: a template of that code may use these and no others.
 */
public final class TemplateCodes {

    public static final String USER_ACTIVATION = "user.activation";

    public static final String PASSWORD_RESET = "user.password-reset";

    public static final String ALERT_RAISED = "alert.raised";

    public static final String ALERT_ESCALATED = "alert.escalated";

    public static final String FUND_RELEASED = "fund.released";

    public static final String REPORT_READY = "report.ready";

    public static final String BROADCAST = "admin.broadcast";

    public static final String DIGEST = "user.digest";

    static final Map<String, Set<String>> PLACEHOLDERS = Map.of(USER_ACTIVATION,
            Set.of("activationLink", "displayName", "expiresAt", "username"), PASSWORD_RESET,
            Set.of("expiresAt", "resetLink", "username", "displayName"), ALERT_RAISED,
            Set.of("alertLink", "message", "raisedAt", "scope", "severity", "title", "ruleCode", "udiseCode"),
            ALERT_ESCALATED, Set.of("alertLink", "message", "scope", "severity", "title"), FUND_RELEASED,
            Set.of("amount", "releaseId", "releasedOn", "scope"), REPORT_READY,
            Set.of("downloadLink", "format", "reportType"), BROADCAST, Set.of("message", "scope", "title"), DIGEST,
            Set.of("count", "displayName", "items"));

    private TemplateCodes() {
    }

    /** The placeholders a template of this code may use; empty for an unknown code. */
    public static Set<String> placeholders(String code) {
        return PLACEHOLDERS.getOrDefault(code, Set.of());
    }

    public static boolean known(String code) {
        return PLACEHOLDERS.containsKey(code);
    }

}
