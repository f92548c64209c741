package in.mdm.report.job;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

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

    /** A job to insert, QUEUED. */
    record NewJob(UUID id, ReportType type, ReportFormat format, Jurisdiction scope, PeriodKind periodKind,
            LocalDate from, LocalDate to, String language, List<String> columns, String requestedBy, UUID scheduleId,
            List<String> recipients) {
    }

    ReportJob insert(NewJob j) {
        return jdbc
            .sql("""
                    insert into report_jobs (id, report_type, format, scope_level, scope_code, period_kind, period_from,
                                             period_to, language, columns, requested_by, schedule_id, recipients)
                    values (:id, :type, :format, :scopeLevel, :scopeCode, :kind, :from, :to, :language, cast(:columns as text[]),
                            :requestedBy, :scheduleId, cast(:recipients as text[]))
                    returning *""")
            .param("id", j.id())
            .param("type", j.type().name())
            .param("format", j.format().name())
            .param("scopeLevel", j.scope().level().name())
            .param("scopeCode", j.scope().code())
            .param("kind", j.periodKind() == null ? null : j.periodKind().name())
            .param("from", j.from())
            .param("to", j.to())
            .param("language", j.language())
            .param("columns", array(j.columns()))
            .param("requestedBy", j.requestedBy())
            .param("scheduleId", j.scheduleId())
            .param("recipients", array(j.recipients()))
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

    Optional<ReportJob> find(UUID id) {
        return jdbc.sql("select * from report_jobs where id = :id")
            .param("id", id)
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

    /**
     * Takes the oldest queued job for this instance (RUNNING, one more attempt), skipping
     * jobs another instance is taking at the same moment.
     */
    Optional<ReportJob> claim() {
        return jdbc.sql("""
                update report_jobs set status = 'RUNNING', started_at = now(), heartbeat_at = now(),
                                       attempts = attempts + 1, progress = 5
                 where id = (select id from report_jobs where status = 'QUEUED'
                              order by requested_at, id limit 1 for update skip locked)
                returning *""").query(ReportJobRepository::map).optional();
    }

    /** The running jobs' heart beats, with their progress. */
    void beat(UUID id, int progress) {
        jdbc.sql("""
                update report_jobs set heartbeat_at = now(), progress = greatest(progress, :progress)
                 where id = :id and status = 'RUNNING'""").param("id", id).param("progress", progress).update();
    }

    /**
     * Jobs left RUNNING by an instance that stopped beating their hearts: queued again,
     * or FAILED once they used their attempts. Returns how many.
     */
    int recoverStale(Duration staleAfter, int maxAttempts) {
        return jdbc.sql("""
                update report_jobs
                   set status = case when attempts >= :max then 'FAILED' else 'QUEUED' end,
                       started_at = case when attempts >= :max then started_at end,
                       completed_at = case when attempts >= :max then now() end,
                       failure_reason = case when attempts >= :max
                                             then 'Generation was interrupted ' || attempts || ' times' end,
                       progress = 0, heartbeat_at = null
                 where status = 'RUNNING'
                   and coalesce(heartbeat_at, started_at) < now() - cast(:stale as interval)""")
            .param("max", maxAttempts)
            .param("stale", staleAfter.toMillis() + " milliseconds")
            .update();
    }

    boolean ready(UUID id, String filePath, String mediaType, String fileName) {
        return jdbc.sql("""
                update report_jobs set status = 'READY', completed_at = now(), progress = 100, file_path = :path,
                                       media_type = :media, file_name = :name, heartbeat_at = null
                 where id = :id and status = 'RUNNING'""")
            .param("id", id)
            .param("path", filePath)
            .param("media", mediaType)
            .param("name", fileName)
            .update() == 1;
    }

    void failed(UUID id, String reason) {
        String shortened = reason == null ? "unknown" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("""
                update report_jobs set status = 'FAILED', completed_at = now(), failure_reason = :reason,
                                       heartbeat_at = null
                 where id = :id and status = 'RUNNING'""").param("id", id).param("reason", shortened).update();
    }

    private static SqlArrayValue array(Collection<String> values) {
        return values == null || values.isEmpty() ? null : new SqlArrayValue("text", values.toArray());
    }

    static ReportJob map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("period_kind");
        return new ReportJob(rs.getObject("id", UUID.class), ReportType.valueOf(rs.getString("report_type")),
                ReportFormat.valueOf(rs.getString("format")),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code")),
                kind == null ? null : PeriodKind.valueOf(kind), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("language"), strings(rs.getArray("columns")),
                JobStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")), rs.getString("file_path"), rs.getString("media_type"),
                rs.getString("file_name"), rs.getString("failure_reason"), rs.getInt("attempts"),
                rs.getObject("schedule_id", UUID.class), strings(rs.getArray("recipients")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
