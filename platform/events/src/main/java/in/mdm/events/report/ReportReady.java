package in.mdm.events.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A requested or scheduled report file is ready to download. {@code recipients} are the
 * usernames a schedule names (empty for a report asked for by hand: tell
 * {@code requestedBy}); an event without them reads as empty.
 */
@EventContract(type = "in.mdm.report.ReportReady.v1", topic = ReportTopics.REPORTS)
public record ReportReady(UUID eventId, Instant occurredAt, UUID reportId, String reportType, String format,
        String requestedBy, String downloadPath, List<String> recipients) implements DomainEvent {

    public ReportReady {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Without recipients (as events written before they were carried read). */
    public ReportReady(UUID eventId, Instant occurredAt, UUID reportId, String reportType, String format,
            String requestedBy, String downloadPath) {
        this(eventId, occurredAt, reportId, reportType, format, requestedBy, downloadPath, List.of());
    }

    @Override
    public String aggregateId() {
        return String.valueOf(reportId);
    }
}
