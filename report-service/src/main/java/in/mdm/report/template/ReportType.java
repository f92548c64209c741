package in.mdm.report.template;

/** What a report is about: one template each. */
public enum ReportType {

    /**
     * Enrollment, attendance, meals served, days without a meal, reporting rate and
     * timeliness.
     */
    PERFORMANCE,
    /** Funds allocated, released and spent, by area and expense category. */
    FINANCIAL_UTILIZATION,
    /** Schools by risk level, by area, and the schools most at risk. */
    RISK_ASSESSMENT,
    /**
     * Reporting rate with the schools that did not report, days without a meal and why,
     * inspections overdue.
     */
    COMPLIANCE,
    /** This service's audit trail in the period. */
    AUDIT

}
