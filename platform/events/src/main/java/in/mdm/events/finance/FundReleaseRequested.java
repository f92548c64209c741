package in.mdm.events.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** A fund release (quarterly tranche or emergency) was requested. */
@EventContract(type = "in.mdm.finance.FundReleaseRequested.v1", topic = FinanceTopics.RELEASES)
public record FundReleaseRequested(UUID eventId, Instant occurredAt, UUID releaseId, UUID allocationId,
        Jurisdiction scope, String kind, BigDecimal amount, String requestedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(releaseId);
    }
}
