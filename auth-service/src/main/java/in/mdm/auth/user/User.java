package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;

/** A user account, without its credentials. */
record User(UUID id, String username, String email, String phone, String displayName, Role role,
        Jurisdiction jurisdiction, UserStatus status, String preferredLanguage, Instant createdAt, Instant updatedAt,
        Instant activatedAt) {
}
