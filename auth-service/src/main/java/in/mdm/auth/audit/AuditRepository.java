package in.mdm.auth.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

/** The {@code audit_events} table. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, String username, AuditAction action, String outcome, String address, String detail) {
        jdbc.sql("""
                insert into audit_events (user_id, username, action, outcome, address, detail)
                values (:userId, :username, :action, :outcome, :address, :detail)""")
            .param("userId", userId)
            .param("username", username)
            .param("action", action.name())
            .param("outcome", outcome)
            .param("address", address)
            .param("detail", detail)
            .update();
    }

    /**
     * A page of the trail, newest first; a {@code null} filter value matches everything.
     */
    PageResponse<AuditEntryResponse> page(UUID userId, String username, AuditAction action, String outcome, int page,
            int size) {
        return PagedQuery
            .selectUnscoped(jdbc, "id, occurred_at, user_id, username, action, outcome, address, detail", """
                    audit_events
                    where (cast(:userId as uuid) is null or user_id = :userId)
                      and (cast(:username as varchar) is null or username = :username)
                      and (cast(:action as varchar) is null or action = :action)
                      and (cast(:outcome as varchar) is null or outcome = :outcome)""")
            .param("userId", userId)
            .param("username", username)
            .param("action", action == null ? null : action.name())
            .param("outcome", outcome)
            .orderBy("occurred_at desc, id desc")
            .fetch(page, size, AuditRepository::map);
    }

    private static AuditEntryResponse map(ResultSet rs, int row) throws SQLException {
        return new AuditEntryResponse(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("user_id", UUID.class), rs.getString("username"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("outcome"), rs.getString("address"),
                rs.getString("detail"));
    }

}
