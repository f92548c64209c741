package in.mdm.events.auth;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A user set a password with an activation token and can now sign in. */
@EventContract(type = "in.mdm.auth.UserActivated.v1", topic = AuthTopics.USERS)
public record UserActivated(UUID eventId, Instant occurredAt, UUID userId, String username) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
