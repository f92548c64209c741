package in.mdm.events.report;

/** Kafka topics of the report context: Report events published by report-service. */
public final class ReportTopics {

    public static final String REPORTS = "mdm.report.reports";

    private ReportTopics() {
    }

}
