package in.mdm.report.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

/** A report schedule and when it fires next. */
public record ReportScheduleResponse(UUID id, ReportType type, PeriodKind period, Level scope, String code,
        ReportFormat format, String language, String cron, List<String> recipients, String createdBy, Instant nextRunAt,
        Instant lastRunAt) {
}
