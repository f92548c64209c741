package in.mdm.events.auth;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/**
 * A user account was created and waits for activation; carries the single-use activation
 * token for the e-mail.
 */
@EventContract(type = "in.mdm.auth.UserRegistered.v1", topic = AuthTopics.USERS)
public record UserRegistered(UUID eventId, Instant occurredAt, UUID userId, String username, String email, String phone,
        String displayName, String role, Jurisdiction jurisdiction, String preferredLanguage, String activationToken,
        Instant activationExpiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
