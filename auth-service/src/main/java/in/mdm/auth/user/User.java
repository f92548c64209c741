package in.mdm.auth.user;

import java.time.Instant;
import java.util.UUID;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;

/**
 * A user account, without its credentials. {@code districtCode} and {@code blockCode}
 * place the user (a school user's school lies in them), so that an officer sees the users
 * of its own district or block only.
 */
record User(UUID id, String username, String email, String phone, String displayName, Role role,
        Jurisdiction jurisdiction, String districtCode, String blockCode, UserStatus status, String preferredLanguage,
        boolean mfaEnabled, Instant createdAt, Instant updatedAt, Instant activatedAt) {
}
