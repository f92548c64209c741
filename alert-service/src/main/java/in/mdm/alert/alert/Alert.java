package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction;

/**
 * An alert for a jurisdiction, with where it came from and how far it got in its
 * lifecycle.
 */
record Alert(UUID id, String ruleCode, Severity severity, AlertStatus status, String title, String message,
        Jurisdiction scope, String udiseCode, String sourceEventId, String sourceEventType, Instant raisedAt,
        Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy, String resolution) {
}
