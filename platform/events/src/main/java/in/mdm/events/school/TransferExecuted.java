package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** Food moved from one school to another under an approved transfer. */
@EventContract(type = "in.mdm.school.TransferExecuted.v1", topic = SchoolTopics.TRANSFERS)
public record TransferExecuted(UUID eventId, Instant occurredAt, UUID transferId, String fromUdiseCode,
        String toUdiseCode, String commodity, BigDecimal quantityKg) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(transferId);
    }
}
