package in.mdm.events.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** Allocations were (re)calculated for an academic year and scope. */
@EventContract(type = "in.mdm.finance.AllocationCalculated.v1", topic = FinanceTopics.ALLOCATIONS)
public record AllocationCalculated(UUID eventId, Instant occurredAt, UUID allocationId, String academicYear,
        Jurisdiction scope, int schools, BigDecimal total, BigDecimal centreShare,
        BigDecimal stateShare) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(allocationId);
    }
}
