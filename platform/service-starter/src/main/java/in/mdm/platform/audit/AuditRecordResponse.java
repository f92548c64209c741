package in.mdm.platform.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One row of the audit trail as the search answers it; before and after as JSON. */
public record AuditRecordResponse(long seq, Instant occurredAt, String actor, String action, String method, String path,
        Integer status, String requestId, String entityType, String entityId, JsonNode before, JsonNode after,
        String hash) {

}
