package in.mdm.auth.audit;

import java.time.Instant;
import java.util.UUID;

public record AuditEntryResponse(long id, Instant occurredAt, UUID userId, String username, AuditAction action,
        String outcome, String address, String detail) {
}
