package in.mdm.events.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** A fund release was approved at every level and sent for payment. */
@EventContract(type = "in.mdm.finance.FundReleased.v1", topic = FinanceTopics.RELEASES)
public record FundReleased(UUID eventId, Instant occurredAt, UUID releaseId, UUID allocationId, Jurisdiction scope,
        BigDecimal amount) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(releaseId);
    }
}
