package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/**
 * An alert for a jurisdiction, with where it came from and how far it got in its
 * lifecycle. {@code subject} and {@code alertType} make it the one open alert of its kind
 * (a school's risk, a school's rice, a block's roll-up ...); {@code districtCode} and
 * {@code blockCode} place it for the live streams.
 */
record Alert(UUID id, String ruleCode, String alertType, String subject, Severity severity, AlertStatus status,
        String title, String message, Jurisdiction scope, String udiseCode, String districtCode, String blockCode,
        String sourceEventId, String sourceEventType, Instant raisedAt, Instant lastSeenAt, int occurrences,
        Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt, int escalationCount, Instant resolvedAt,
        String resolvedBy, String resolution, Instant expiresAt) {
}
