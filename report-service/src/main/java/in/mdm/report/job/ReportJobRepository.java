package in.mdm.report.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class ReportJobRepository {

    /** Where a report lies: the scope it covers. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.scoped("scope_level", "scope_code", null);

    private static final String FILTERS = """
            (cast(:status as varchar) is null or status = :status)
              and (cast(:type as varchar) is null or report_type = :type)
              and (cast(:requestedBy as varchar) is null or requested_by = :requestedBy)""";

    private final JdbcClient jdbc;

    ReportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReportJob insert(UUID id, RequestReportRequest r, String requestedBy) {
        return jdbc
            .sql("""
                    insert into report_jobs (id, report_type, format, scope_level, scope_code, period_from, period_to, requested_by)
                    values (:id, :type, :format, :scopeLevel, :scopeCode, :from, :to, :requestedBy)
                    returning *""")
            .param("id", id)
            .param("type", r.reportType().name())
            .param("format", r.format().name())
            .param("scopeLevel", r.scopeLevel().name())
            .param("scopeCode", r.scopeCode())
            .param("from", r.periodFrom())
            .param("to", r.periodTo())
            .param("requestedBy", requestedBy)
            .query(ReportJobRepository::map)
            .single();
    }

    /**
     * Whether a report on this scope would lie inside {@code visible}, by the same
     * condition as every read.
     */
    boolean wouldBeVisible(Jurisdiction scope, JurisdictionScope.Condition visible) {
        return jdbc
            .sql("""
                    select exists (select 1 from (select cast(:level as varchar) as scope_level, cast(:code as varchar) as scope_code) asked
                                   where %s)"""
                .formatted(visible.sql()))
            .param("level", scope.level().name())
            .param("code", scope.code())
            .params(visible.params())
            .query(Boolean.class)
            .single();
    }

    Optional<ReportJob> find(UUID id, JurisdictionScope.Condition visible) {
        return jdbc.sql("select * from report_jobs where id = :id and " + visible.sql())
            .param("id", id)
            .params(visible.params())
            .query(ReportJobRepository::map)
            .optional();
    }

    /** Newest first. */
    PageResponse<ReportJob> page(ReportJobFilter filter, JurisdictionScope.Condition visible, int page, int size) {
        return PagedQuery.select(jdbc, "*", "report_jobs", visible)
            .where(FILTERS)
            .param("status", filter.status())
            .param("type", filter.reportType())
            .param("requestedBy", filter.requestedBy())
            .orderBy("requested_at desc, id")
            .fetch(page, size, ReportJobRepository::map);
    }

    private static ReportJob map(ResultSet rs, int row) throws SQLException {
        return new ReportJob(rs.getObject("id", UUID.class), ReportType.valueOf(rs.getString("report_type")),
                ReportFormat.valueOf(rs.getString("format")),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code")),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                JobStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")), rs.getString("file_path"), rs.getString("failure_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
