package in.mdm.report.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

@Repository
class ReportScheduleRepository {

    private final JdbcClient jdbc;

    ReportScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReportScheduleResponse insert(UUID id, ScheduleReportRequest r, String language, String createdBy,
            Instant nextRunAt) {
        return jdbc.sql("""
                insert into report_schedules (id, report_type, period_kind, scope_level, scope_code, format, language,
                                              cron, recipients, created_by, next_run_at)
                values (:id, :type, :period, :level, :code, :format, :language, :cron, cast(:recipients as text[]),
                        :createdBy, :next)
                returning *""")
            .param("id", id)
            .param("type", r.type().name())
            .param("period", r.period().name())
            .param("level", r.scope().name())
            .param("code", r.code())
            .param("format", r.format().name())
            .param("language", language)
            .param("cron", r.cron())
            .param("recipients", new SqlArrayValue("text", r.recipients().toArray()))
            .param("createdBy", createdBy)
            .param("next", Timestamp.from(nextRunAt))
            .query(ReportScheduleRepository::map)
            .single();
    }

    /**
     * The schedules due at {@code now}, locked for this transaction; a schedule another
     * firing holds is skipped (that firing does it).
     */
    List<ReportScheduleResponse> lockDue(Instant now) {
        return jdbc.sql("""
                select * from report_schedules where next_run_at <= :now
                 order by next_run_at, id for update skip locked""")
            .param("now", Timestamp.from(now))
            .query(ReportScheduleRepository::map)
            .list();
    }

    void fired(UUID id, Instant at, Instant next) {
        jdbc.sql("update report_schedules set last_run_at = :at, next_run_at = :next where id = :id")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .param("next", Timestamp.from(next))
            .update();
    }

    private static ReportScheduleResponse map(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_run_at");
        return new ReportScheduleResponse(rs.getObject("id", UUID.class),
                ReportType.valueOf(rs.getString("report_type")), PeriodKind.valueOf(rs.getString("period_kind")),
                Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code"),
                ReportFormat.valueOf(rs.getString("format")), rs.getString("language"), rs.getString("cron"),
                ReportJobRepository.strings(rs.getArray("recipients")), rs.getString("created_by"),
                rs.getTimestamp("next_run_at").toInstant(), last == null ? null : last.toInstant());
    }

}
