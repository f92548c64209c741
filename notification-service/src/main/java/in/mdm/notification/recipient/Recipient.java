package in.mdm.notification.recipient;

import java.time.LocalTime;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/** A user as notifications see it: where to reach it, in which language, and how. */
public record Recipient(UUID userId, String username, String email, String phone, String displayName, String role,
        Jurisdiction jurisdiction, String language, String status, boolean emailEnabled, boolean smsEnabled,
        boolean inAppEnabled, LocalTime quietFrom, LocalTime quietUntil, Digest digest) {

    /**
     * Whether the local time lies in the recipient's quiet hours (which may span
     * midnight: 21:00 to 07:00).
     */
    public boolean quietAt(LocalTime time) {
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
            return false;
        }
        if (quietFrom.isBefore(quietUntil)) {
            return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        }
        return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

}
