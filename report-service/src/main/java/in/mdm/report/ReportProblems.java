package in.mdm.report;

/**
 * The problem codes report-service answers with (the {@code code} of its RFC 9457
 * problems), each documented in the service's README. Missing or bad tokens, roles that
 * may not call and bad parameters are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class ReportProblems {

    // Report jobs

    /** 400: the period ends before it starts, or is longer than a report covers. */
    public static final String INVALID_PERIOD = "report.invalid-period";

    /** 400: the scope code does not fit the scope level. */
    public static final String INVALID_SCOPE = "report.invalid-scope";

    /** 404: the scope lies outside the caller's jurisdiction. */
    public static final String SCOPE_NOT_FOUND = "report.scope.not-found";

    /** 404: no such report, or one outside the caller's jurisdiction. */
    public static final String REPORT_NOT_FOUND = "report.not-found";

    private ReportProblems() {
    }

}
