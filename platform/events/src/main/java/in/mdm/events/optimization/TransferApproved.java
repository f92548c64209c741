package in.mdm.events.optimization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A proposed food transfer between schools was approved. */
@EventContract(type = "in.mdm.optimization.TransferApproved.v1", topic = OptimizationTopics.TRANSFERS)
public record TransferApproved(UUID eventId, Instant occurredAt, UUID transferId, String fromUdiseCode,
        String toUdiseCode, String commodity, BigDecimal quantityKg, String approvedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(transferId);
    }
}
