package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;

public record UserResponse(UUID id, String username, String email, String phone, String displayName, Role role,
        Level jurisdictionLevel, String jurisdictionCode, String districtCode, String blockCode, UserStatus status,
        String preferredLanguage, boolean mfaEnabled, Instant createdAt, Instant updatedAt, Instant activatedAt) {

    static UserResponse of(User u) {
        return new UserResponse(u.id(), u.username(), u.email(), u.phone(), u.displayName(), u.role(),
                u.jurisdiction().level(), u.jurisdiction().code(), u.districtCode(), u.blockCode(), u.status(),
                u.preferredLanguage(), u.mfaEnabled(), u.createdAt(), u.updatedAt(), u.activatedAt());
    }
}
