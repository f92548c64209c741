package in.mdm.report.job;

/** What a report is about. */
public enum ReportType {

    /** Meals served against children enrolled and school days, per school and upward. */
    MEAL_COVERAGE,
    /** Funds allocated, released and spent, by expense category. */
    FUND_UTILIZATION,
    /** Schools at risk of going without meals, with the factors behind each score. */
    RISK_ASSESSMENT,
    /** Food stock on hand in days of cover, stock-outs and over-stock. */
    STOCK_POSITION,
    /** Reporting discipline, inspections and utilisation certificates. */
    COMPLIANCE

}
