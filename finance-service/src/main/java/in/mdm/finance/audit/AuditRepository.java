package in.mdm.finance.audit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** The {@code audit_log} table; before and after are stored as {@code jsonb}. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, AuditAction action, String entityId, AuditTrail.Location where,
            String beforeJson, String afterJson, String reason) {
        jdbc.sql("""
                insert into audit_log (at, actor, action, entity, entity_id, district_code, block_code, udise_code,
                                       before, after, reason)
                values (:at, :actor, :action, :entity, :entityId, :district, :block, :udise,
                        cast(:before as jsonb), cast(:after as jsonb), :reason)""")
            .param("at", Timestamp.from(at))
            .param("actor", actor)
            .param("action", action.action())
            .param("entity", action.entity())
            .param("entityId", entityId)
            .param("district", where.districtCode())
            .param("block", where.blockCode())
            .param("udise", where.udiseCode())
            .param("before", beforeJson)
            .param("after", afterJson)
            .param("reason", reason)
            .update();
    }

    /** An entry lies where the changed thing is. */
    private static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code",
            "block_code", "udise_code");

    /**
     * A page of the entries inside the caller's jurisdiction, newest first; a
     * {@code null} filter matches all.
     */
    PageResponse<AuditEntry> page(String entity, String entityId, Caller caller, int page, int size) {
        return PagedQuery
            .select(jdbc,
                    "id, at, actor, action, entity, entity_id, district_code, block_code, udise_code, "
                            + "cast(before as text) as before, cast(after as text) as after, reason",
                    "audit_log", JurisdictionScope.of(caller).where(PLACE))
            .where("""
                    (cast(:entity as varchar) is null or entity = :entity)
                      and (cast(:entityId as varchar) is null or entity_id = :entityId)""")
            .param("entity", entity)
            .param("entityId", entityId)
            .orderBy("id desc")
            .fetch(page, size, (rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                    rs.getString("district_code"), rs.getString("block_code"), rs.getString("udise_code"),
                    rs.getString("before"), rs.getString("after"), rs.getString("reason")));
    }

}
