package in.mdm.events.auth;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** An account was locked after repeated failed sign-ins. */
@EventContract(type = "in.mdm.auth.UserLocked.v1", topic = AuthTopics.USERS)
public record UserLocked(UUID eventId, Instant occurredAt, UUID userId, String username, int failedAttempts,
        Instant lockedUntil) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
