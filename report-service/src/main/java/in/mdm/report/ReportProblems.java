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

    /** 400: {@code columns} names a column the report's tables do not have. */
    public static final String INVALID_COLUMNS = "report.invalid-columns";

    /** 409: the report asked to download is not READY (yet). */
    public static final String REPORT_NOT_READY = "report.not-ready";

    /** 410: the report's file is no longer stored. */
    public static final String FILE_GONE = "report.file-gone";

    // Schedules

    /** 400: the cron expression is not one Spring's CronExpression reads. */
    public static final String INVALID_CRON = "report.invalid-cron";

    private ReportProblems() {
    }

}
