package in.mdm.events.report;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A requested or scheduled report file is ready to download. */
@EventContract(type = "in.mdm.report.ReportReady.v1", topic = ReportTopics.REPORTS)
public record ReportReady(UUID eventId, Instant occurredAt, UUID reportId, String reportType, String format,
        String requestedBy, String downloadPath) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(reportId);
    }
}
