package in.mdm.events.auth;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A password reset was requested for an existing account; carries the single-use reset
 * token.
 */
@EventContract(type = "in.mdm.auth.PasswordResetRequested.v1", topic = AuthTopics.USERS)
public record PasswordResetRequested(UUID eventId, Instant occurredAt, UUID userId, String username, String email,
        String preferredLanguage, String resetToken, Instant expiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
