package in.mdm.report.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/**
 * A report asked for over a period and a jurisdiction, and how far its generation got.
 */
record ReportJob(UUID id, ReportType reportType, ReportFormat format, Jurisdiction scope, LocalDate periodFrom,
        LocalDate periodTo, JobStatus status, String requestedBy, Instant requestedAt, Instant startedAt,
        Instant completedAt, String filePath, String failureReason) {
}
