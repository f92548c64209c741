package in.mdm.report.job;

public enum ReportFormat {

    PDF, XLSX, CSV

}
