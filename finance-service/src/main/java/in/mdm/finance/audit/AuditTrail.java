package in.mdm.finance.audit;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, with the state before and after, written in the transaction of the
 * change (so a change that rolls back leaves no audit row, and no change goes without
 * one): in finance's own trail, filtered by jurisdiction for officers, and in the
 * platform's trail of the service, chained by hash
 * ({@code /api/v1/financial/audit-trail}).
 */
@Component
public class AuditTrail {

    /**
     * Where the changed thing lies, for jurisdiction filtering of the trail; any part may
     * be null.
     */
    public record Location(String districtCode, String blockCode, String udiseCode) {
    }

    private final AuditRepository entries;

    private final JsonMapper json;

    private final Clock clock;

    private final in.mdm.platform.audit.AuditTrail chained;

    AuditTrail(AuditRepository entries, JsonMapper json, Clock clock, in.mdm.platform.audit.AuditTrail chained) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
        this.chained = chained;
    }

    /**
     * Records a change of the thing {@code entityId} (of the action's kind) in the
     * caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditAction action, String entityId, Location where, Object before, Object after,
            String reason) {
        entries.insert(clock.instant(), actor, action, entityId, where,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after), reason);
        // and in the platform's trail, chained by hash with every call to this service
        chained.record(new in.mdm.platform.audit.AuditEntry(action.action(), action.entity(), entityId, before, after));
    }

    /**
     * A page of the entries inside the caller's jurisdiction, newest first; a
     * {@code null} filter matches all.
     */
    @Transactional(readOnly = true)
    PageResponse<AuditEntry> entries(String entity, String entityId, Caller caller, int page, int size) {
        return entries.page(entity, entityId, caller, page, size);
    }

    /** Shorthand for a map of named values, for before/after snapshots. */
    public static Map<String, Object> values(Object... namesAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

}
