package in.mdm.alert.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;

@Repository
class AlertRepository {

    private static final String WHERE = """
            where (cast(:status as varchar) is null or status = :status)
              and (cast(:severity as varchar) is null or severity = :severity)
              and (cast(:scopeLevel as varchar) is null or scope_level = :scopeLevel)
              and (cast(:scopeCode as varchar) is null or scope_code = :scopeCode)
              and (cast(:udise as varchar) is null or udise_code = :udise)""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("select * from alerts where id = :id")
                .param("id", id)
                .query(AlertRepository::map)
                .optional();
    }

    /** Newest first. */
    List<Alert> page(AlertFilter filter, int page, int size) {
        return filtered("select * from alerts " + WHERE + " order by raised_at desc, id limit :size offset :offset", filter)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AlertRepository::map)
                .list();
    }

    long count(AlertFilter filter) {
        return filtered("select count(*) from alerts " + WHERE, filter).query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String sql, AlertFilter filter) {
        return jdbc.sql(sql)
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("severity", filter.severity() == null ? null : filter.severity().name())
                .param("scopeLevel", filter.scopeLevel() == null ? null : filter.scopeLevel().name())
                .param("scopeCode", filter.scopeCode())
                .param("udise", filter.udiseCode());
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("rule_code"),
                Severity.valueOf(rs.getString("severity")), AlertStatus.valueOf(rs.getString("status")),
                rs.getString("title"), rs.getString("message"),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code")),
                rs.getString("udise_code"), rs.getString("source_event_id"), rs.getString("source_event_type"),
                instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"), instant(rs.getTimestamp("resolved_at")), rs.getString("resolved_by"),
                rs.getString("resolution"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
