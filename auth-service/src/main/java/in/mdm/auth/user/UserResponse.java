package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;

public record UserResponse(UUID id, String username, String email, String phone, String displayName, Role role,
        Level jurisdictionLevel, String jurisdictionCode, UserStatus status, String preferredLanguage,
        Instant createdAt, Instant updatedAt, Instant activatedAt) {

    static UserResponse of(User u) {
        return new UserResponse(u.id(), u.username(), u.email(), u.phone(), u.displayName(), u.role(),
                u.jurisdiction().level(), u.jurisdiction().code(), u.status(), u.preferredLanguage(), u.createdAt(),
                u.updatedAt(), u.activatedAt());
    }
}
