package in.mdm.notification.recipient;

import java.util.UUID;

import in.mdm.events.Jurisdiction;

/** A user's profile as an auth event carries it. */
public record Profile(UUID userId, String username, String email, String phone, String displayName, String role,
        Jurisdiction jurisdiction, String language, String status) {
}
