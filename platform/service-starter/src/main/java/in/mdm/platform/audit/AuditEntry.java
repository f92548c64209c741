package in.mdm.platform.audit;

import java.util.Objects;

/**
 * A change a service records in its audit trail, inside the transaction that makes it:
 * what was done ({@code school.update}), to which entity, and the entity before and after
 * (any value Jackson writes; {@code null} before a creation or after a deletion). Who and
 * when are taken by {@link AuditTrail} from the request.
 *
 * @param action what was done, e.g. {@code school.update}
 * @param entityType the kind of entity, e.g. {@code school}
 * @param entityId the entity's id, e.g. a UDISE code
 * @param before the entity before the change, or {@code null}
 * @param after the entity after the change, or {@code null}
 */
public record AuditEntry(String action, String entityType, String entityId, Object before, Object after) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
    }

    /** A new entity: nothing before. */
    public static AuditEntry created(String action, String entityType, String entityId, Object after) {
        return new AuditEntry(action, entityType, entityId, null, after);
    }

    /** A changed entity. */
    public static AuditEntry changed(String action, String entityType, String entityId, Object before, Object after) {
        return new AuditEntry(action, entityType, entityId, before, after);
    }

}
