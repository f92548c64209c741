package in.mdm.alert.alert;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.Jurisdiction.Level;

public record AlertResponse(UUID id, String ruleCode, Severity severity, AlertStatus status, String title,
        String message, Level scopeLevel, String scopeCode, String udiseCode, String sourceEventId,
        String sourceEventType, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
        String resolvedBy, String resolution) {

    static AlertResponse of(Alert a) {
        return new AlertResponse(a.id(), a.ruleCode(), a.severity(), a.status(), a.title(), a.message(),
                a.scope().level(), a.scope().code(), a.udiseCode(), a.sourceEventId(), a.sourceEventType(),
                a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.resolvedAt(), a.resolvedBy(), a.resolution());
    }
}
