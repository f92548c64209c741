package in.mdm.report.job;

import in.mdm.report.template.ReportType;

/** What a report job list is narrowed to; a null component matches everything. */
record ReportJobFilter(JobStatus status, ReportType reportType, String requestedBy) {
}
