package in.mdm.events.finance;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A fund release was rejected with a reason. */
@EventContract(type = "in.mdm.finance.FundReleaseRejected.v1", topic = FinanceTopics.RELEASES)
public record FundReleaseRejected(UUID eventId, Instant occurredAt, UUID releaseId, String level, String rejectedBy,
        String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(releaseId);
    }
}
