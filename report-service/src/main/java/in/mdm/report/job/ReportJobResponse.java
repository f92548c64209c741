package in.mdm.report.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

/**
 * A report job as callers see it, with its progress (0-100) and, when READY, where to
 * download it; where the file is stored stays inside the service.
 */
public record ReportJobResponse(UUID id, ReportType reportType, ReportFormat format, Level scopeLevel, String scopeCode,
        PeriodKind period, LocalDate periodFrom, LocalDate periodTo, String language, List<String> columns,
        JobStatus status, int progress, String requestedBy, Instant requestedAt, Instant startedAt, Instant completedAt,
        String downloadPath, String failureReason) {

    static ReportJobResponse of(ReportJob j) {
        return new ReportJobResponse(j.id(), j.reportType(), j.format(), j.scope().level(), j.scope().code(),
                j.periodKind(), j.periodFrom(), j.periodTo(), j.language(), j.columns(), j.status(), j.progress(),
                j.requestedBy(), j.requestedAt(), j.startedAt(), j.completedAt(),
                j.status() == JobStatus.READY ? downloadPath(j.id()) : null, j.failureReason());
    }

    static String downloadPath(UUID id) {
        return "/api/v1/reports/download/" + id;
    }
}
