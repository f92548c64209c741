package in.mdm.events.auth;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/**
 * A user account changed after registration: its role or jurisdiction, or its status
 * (disabled, enabled). Carries the whole profile as it now is, so that a copy of the
 * users (notification-service's recipients) replaces its row with the newest event.
 * {@code status} is {@code PENDING_ACTIVATION}, {@code ACTIVE}, {@code LOCKED} or
 * {@code DISABLED}.
 */
@EventContract(type = "in.mdm.auth.UserUpdated.v1", topic = AuthTopics.USERS)
public record UserUpdated(UUID eventId, Instant occurredAt, UUID userId, String username, String email, String phone,
        String displayName, String role, Jurisdiction jurisdiction, String preferredLanguage,
        String status) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(userId);
    }
}
