package in.mdm.finance.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, with the state before and after, written in the transaction of the change (so a change
 * that rolls back leaves no audit row, and no change goes without one).
 */
@Component
public class AuditTrail {

    /** Where the changed thing lies, for jurisdiction filtering of the trail; any part may be null. */
    public record Location(String districtCode, String blockCode, String udiseCode) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entity, String entityId, Location where, Object before,
            Object after, String reason) {
        jdbc.sql("""
                insert into audit_log (at, actor, action, entity, entity_id, district_code, block_code, udise_code,
                                       before, after, reason)
                values (:at, :actor, :action, :entity, :entityId, :district, :block, :udise,
                        cast(:before as jsonb), cast(:after as jsonb), :reason)""")
                .param("at", java.sql.Timestamp.from(Instant.now()))
                .param("actor", actor).param("action", action).param("entity", entity).param("entityId", entityId)
                .param("district", where.districtCode()).param("block", where.blockCode()).param("udise", where.udiseCode())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("reason", reason)
                .update();
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
