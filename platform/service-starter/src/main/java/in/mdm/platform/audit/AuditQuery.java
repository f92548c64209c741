package in.mdm.platform.audit;

import java.time.Instant;

/**
 * The filters of an audit search; each {@code null} one is left out.
 *
 * @param from from this time on (inclusive)
 * @param to before this time (exclusive)
 */
public record AuditQuery(String actor, String action, String entityType, String entityId, Instant from, Instant to) {
}
