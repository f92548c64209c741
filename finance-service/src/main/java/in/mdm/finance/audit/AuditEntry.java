package in.mdm.finance.audit;

import java.time.Instant;

/**
 * One entry of the finance audit trail, as stored: who did what ({@code action}, as
 * {@link AuditAction} names it) to which thing, where it lies, the state before and after
 * as JSON text, and the reason given.
 */
record AuditEntry(long id, Instant at, String actor, String action, String entity, String entityId, String districtCode,
        String blockCode, String udiseCode, String before, String after, String reason) {
}
