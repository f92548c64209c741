package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction.Level;

public record AlertResponse(UUID id, String ruleCode, String alertType, Severity severity, AlertStatus status,
        String title, String message, Level scopeLevel, String scopeCode, String udiseCode, String districtCode,
        String blockCode, String sourceEventId, String sourceEventType, Instant raisedAt, Instant lastSeenAt,
        int occurrences, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt, int escalationCount,
        Instant resolvedAt, String resolvedBy, String resolution, Instant expiresAt) {

    static AlertResponse of(Alert a) {
        return new AlertResponse(a.id(), a.ruleCode(), a.alertType(), a.severity(), a.status(), a.title(), a.message(),
                a.scope().level(), a.scope().code(), a.udiseCode(), a.districtCode(), a.blockCode(), a.sourceEventId(),
                a.sourceEventType(), a.raisedAt(), a.lastSeenAt(), a.occurrences(), a.acknowledgedAt(),
                a.acknowledgedBy(), a.escalatedAt(), a.escalationCount(), a.resolvedAt(), a.resolvedBy(),
                a.resolution(), a.expiresAt());
    }
}
