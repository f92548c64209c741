package in.mdm.report.job;

/** What a report job list is narrowed to; a null component matches everything. */
record ReportJobFilter(JobStatus status, ReportType reportType, String requestedBy) {
}
