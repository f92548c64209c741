package in.mdm.finance.audit;

import java.time.Instant;

/**
 * One entry of the finance audit trail; {@code before} and {@code after} are JSON text.
 */
record AuditEntryResponse(long id, Instant at, String actor, String action, String entity, String entityId,
        String districtCode, String blockCode, String udiseCode, String before, String after, String reason) {

    static AuditEntryResponse of(AuditEntry e) {
        return new AuditEntryResponse(e.id(), e.at(), e.actor(), e.action(), e.entity(), e.entityId(), e.districtCode(),
                e.blockCode(), e.udiseCode(), e.before(), e.after(), e.reason());
    }
}
