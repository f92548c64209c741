package in.mdm.alert.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleRepository {

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Rule> all() {
        return jdbc.sql("select * from alert_rules order by event_type, code").query(RuleRepository::map).list();
    }

    /** The rules of an event type, the most severe first. */
    List<Rule> of(String eventType) {
        return jdbc.sql("""
                select * from alert_rules where event_type = :type
                order by case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end, code""")
            .param("type", eventType)
            .query(RuleRepository::map)
            .list();
    }

    Optional<Rule> find(String code) {
        return jdbc.sql("select * from alert_rules where code = :code")
            .param("code", code)
            .query(RuleRepository::map)
            .optional();
    }

    void update(Rule rule) {
        jdbc.sql("""
                update alert_rules set severity = :severity, min_value = :min, max_value = :max, status = :status,
                       enabled = :enabled, updated_at = :at, updated_by = :by
                where code = :code""")
            .param("code", rule.code())
            .param("severity", rule.severity().name())
            .param("min", rule.minValue())
            .param("max", rule.maxValue())
            .param("status", rule.status())
            .param("enabled", rule.enabled())
            .param("at", Timestamp.from(rule.updatedAt()))
            .param("by", rule.updatedBy())
            .update();
    }

    private static Rule map(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Rule(rs.getString("code"), rs.getString("event_type"), rs.getString("alert_type"),
                Severity.valueOf(rs.getString("severity")), rs.getString("field"), rs.getBigDecimal("min_value"),
                rs.getBigDecimal("max_value"), rs.getString("status"), rs.getBoolean("enabled"),
                rs.getString("description"), updated == null ? null : updated.toInstant(), rs.getString("updated_by"));
    }

}
