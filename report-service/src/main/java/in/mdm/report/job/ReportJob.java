package in.mdm.report.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import in.mdm.events.Jurisdiction;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

/**
 * A report asked for over a period and a jurisdiction, and how far its generation got.
 */
record ReportJob(UUID id, ReportType reportType, ReportFormat format, Jurisdiction scope, PeriodKind periodKind,
        LocalDate periodFrom, LocalDate periodTo, String language, List<String> columns, JobStatus status, int progress,
        String requestedBy, Instant requestedAt, Instant startedAt, Instant completedAt, String filePath,
        String mediaType, String fileName, String failureReason, int attempts, UUID scheduleId,
        List<String> recipients) {

    /**
     * The period, as a template takes it (a POSTed job without a kind covers its dates as
     * one period).
     */
    PeriodKind.Period period() {
        if (periodKind != null) {
            return new PeriodKind.Period(periodKind, periodFrom, periodTo);
        }
        return new PeriodKind.Period(PeriodKind.DAILY, periodFrom, periodTo);
    }

}
