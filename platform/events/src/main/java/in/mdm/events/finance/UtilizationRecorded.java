package in.mdm.events.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school recorded spending for a month and category. */
@EventContract(type = "in.mdm.finance.UtilizationRecorded.v1", topic = FinanceTopics.UTILIZATIONS)
public record UtilizationRecorded(UUID eventId, Instant occurredAt, UUID utilizationId, String udiseCode, String month,
        String category, BigDecimal amount) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
