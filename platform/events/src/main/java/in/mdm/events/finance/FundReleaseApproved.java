package in.mdm.events.finance;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** One level approved a fund release. */
@EventContract(type = "in.mdm.finance.FundReleaseApproved.v1", topic = FinanceTopics.RELEASES)
public record FundReleaseApproved(UUID eventId, Instant occurredAt, UUID releaseId, String level,
        String approvedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(releaseId);
    }
}
