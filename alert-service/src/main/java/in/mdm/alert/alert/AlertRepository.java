package in.mdm.alert.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class AlertRepository {

    /** Where an alert lies: its scope, and the school it concerns, if any. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.scoped("alerts.scope_level",
            "alerts.scope_code", "alerts.udise_code");

    private static final String FILTERS = """
            (cast(:status as varchar) is null or status = :status)
              and (cast(:severity as varchar) is null or severity = :severity)
              and (cast(:scopeLevel as varchar) is null or scope_level = :scopeLevel)
              and (cast(:scopeCode as varchar) is null or scope_code = :scopeCode)
              and (cast(:udise as varchar) is null or udise_code = :udise)""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alert> find(UUID id, JurisdictionScope.Condition within) {
        return jdbc.sql("select * from alerts where id = :id and " + within.sql())
            .param("id", id)
            .params(within.params())
            .query(AlertRepository::map)
            .optional();
    }

    /** Newest first. */
    PageResponse<Alert> page(AlertFilter filter, JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "alerts", within)
            .where(FILTERS)
            .param("status", filter.status())
            .param("severity", filter.severity())
            .param("scopeLevel", filter.scopeLevel())
            .param("scopeCode", filter.scopeCode())
            .param("udise", filter.udiseCode())
            .orderBy("raised_at desc, id")
            .fetch(page, size, AlertRepository::map);
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
