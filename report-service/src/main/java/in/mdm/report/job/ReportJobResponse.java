package in.mdm.report.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.Jurisdiction.Level;

/** A report job as callers see it; where the file is stored stays inside the service. */
public record ReportJobResponse(UUID id, ReportType reportType, ReportFormat format, Level scopeLevel, String scopeCode,
        LocalDate periodFrom, LocalDate periodTo, JobStatus status, String requestedBy, Instant requestedAt,
        Instant startedAt, Instant completedAt, String failureReason) {

    static ReportJobResponse of(ReportJob j) {
        return new ReportJobResponse(j.id(), j.reportType(), j.format(), j.scope().level(), j.scope().code(),
                j.periodFrom(), j.periodTo(), j.status(), j.requestedBy(), j.requestedAt(), j.startedAt(),
                j.completedAt(), j.failureReason());
    }
}
