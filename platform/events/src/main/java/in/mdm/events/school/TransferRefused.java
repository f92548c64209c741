package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * An approved transfer was not carried out (e.g. the sending school lacks the stock);
 * nothing moved.
 */
@EventContract(type = "in.mdm.school.TransferRefused.v1", topic = SchoolTopics.TRANSFERS)
public record TransferRefused(UUID eventId, Instant occurredAt, UUID transferId, String fromUdiseCode,
        String toUdiseCode, String commodity, BigDecimal quantityKg, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(transferId);
    }
}
