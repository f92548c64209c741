package in.mdm.events.optimization;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A proposed food transfer was rejected. */
@EventContract(type = "in.mdm.optimization.TransferRejected.v1", topic = OptimizationTopics.TRANSFERS)
public record TransferRejected(UUID eventId, Instant occurredAt, UUID transferId, String rejectedBy,
        String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(transferId);
    }
}
