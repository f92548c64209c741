package in.mdm.optimization.scenario;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** What-if jobs and their results (migration V202612051600__scenario_runs.sql). */
@Repository
class ScenarioRepository {

    /** A run lies in its district and block (both null: the state's). */
    static final JurisdictionScope.Columns AREA = JurisdictionScope.Columns.located("district_code", "block_code",
            null);

    /** The same, through a result's run. */
    static final JurisdictionScope.Columns RUN_AREA = JurisdictionScope.Columns.located("s.district_code",
            "s.block_code", null);

    private static final TypeReference<List<Perturbation>> PERTURBATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final JsonMapper json;

    ScenarioRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void insert(UUID id, String requestedBy, Area area, int days, int runs, long seed, List<Perturbation> changes,
            Instant now) {
        jdbc.sql(
                """
                        insert into scenario_runs (id, status, requested_by, district_code, block_code, days, runs, seed,
                                                   perturbations, created_at, heartbeat_at)
                        values (:id, 'QUEUED', :by, :district, :block, :days, :runs, :seed, cast(:changes as jsonb), :now, :now)""")
            .param("id", id)
            .param("by", requestedBy)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .param("days", days)
            .param("runs", runs)
            .param("seed", seed)
            .param("changes", json.writeValueAsString(changes))
            .param("now", Timestamp.from(now))
            .update();
    }

    /** A run just inserted, for its submitter (who passed the area's checks). */
    Optional<ScenarioRun> find(UUID id) {
        return jdbc.sql("select * from scenario_runs where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<ScenarioRun> find(UUID id, JurisdictionScope.Condition visible) {
        return jdbc.sql("select * from scenario_runs where id = :id and " + visible.sql())
            .param("id", id)
            .params(visible.params())
            .query(this::map)
            .optional();
    }

    /** Newest first. */
    PageResponse<ScenarioRun> page(ScenarioStatus status, JurisdictionScope.Condition visible, int page, int size) {
        return PagedQuery.select(jdbc, "*", "scenario_runs", visible)
            .where("cast(:status as varchar) is null or status = :status")
            .param("status", status)
            .orderBy("created_at desc, id")
            .fetch(page, size, this::map);
    }

    /** A run's results of one level, the most affected first. */
    PageResponse<Projection.Row> results(UUID id, String level, JurisdictionScope scope, int page, int size) {
        return PagedQuery
            .select(jdbc, "r.*", "scenario_results r join scenario_runs s on s.id = r.scenario_id",
                    scope.where(RUN_AREA))
            .where("r.scenario_id = :id and r.level = :level")
            .param("id", id)
            .param("level", level)
            .orderBy("r.diff_mean desc, r.code")
            .fetch(page, size, ScenarioRepository::row);
    }

    List<Projection.Row> top(UUID id, String level, int limit) {
        return jdbc.sql("""
                select * from scenario_results where scenario_id = :id and level = :level
                 order by diff_mean desc, code limit :limit""")
            .param("id", id)
            .param("level", level)
            .param("limit", limit)
            .query(ScenarioRepository::row)
            .list();
    }

    void heartbeat(UUID id, Instant now) {
        jdbc.sql("update scenario_runs set heartbeat_at = :now where id = :id and status in ('QUEUED', 'RUNNING')")
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update();
    }

    void started(UUID id, Instant now) {
        jdbc.sql("""
                update scenario_runs set status = 'RUNNING', started_at = :now, heartbeat_at = :now
                 where id = :id and status = 'QUEUED'""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    void progress(UUID id, int runsDone, int progress, Instant now) {
        jdbc.sql("""
                update scenario_runs set runs_done = :done, progress = :progress, heartbeat_at = :now
                 where id = :id and status = 'RUNNING'""")
            .param("id", id)
            .param("done", runsDone)
            .param("progress", progress)
            .param("now", Timestamp.from(now))
            .update();
    }

    /** The results and the totals; call in one transaction. */
    void succeeded(UUID id, Projection p, Instant now) {
        List<Projection.Row> rows = new ArrayList<>(p.schoolRows().size() + p.blocks().size() + p.districts().size());
        rows.addAll(p.districts());
        rows.addAll(p.blocks());
        rows.addAll(p.schoolRows());
        batch.batchUpdate("""
                insert into scenario_results (scenario_id, level, code, district_code, block_code,
                    baseline_mean, baseline_p10, baseline_p90, scenario_mean, scenario_p10, scenario_p90,
                    diff_mean, diff_p10, diff_p90)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
            ps.setObject(1, id);
            ps.setString(2, row.level());
            ps.setString(3, row.code());
            ps.setString(4, row.districtCode());
            ps.setString(5, row.blockCode());
            setInterval(ps, 6, row.baseline());
            setInterval(ps, 9, row.scenario());
            setInterval(ps, 12, row.difference());
        });
        Projection.Row total = p.total();
        jdbc.sql("""
                update scenario_runs set status = 'SUCCEEDED', runs_done = runs, progress = 100, schools = :schools,
                       baseline_mean = :bm, baseline_p10 = :bl, baseline_p90 = :bh,
                       scenario_mean = :sm, scenario_p10 = :sl, scenario_p90 = :sh,
                       diff_mean = :dm, diff_p10 = :dl, diff_p90 = :dh, daily = cast(:daily as jsonb),
                       finished_at = :now, heartbeat_at = :now
                 where id = :id""")
            .param("id", id)
            .param("schools", p.schools())
            .param("bm", total.baseline().mean())
            .param("bl", total.baseline().p10())
            .param("bh", total.baseline().p90())
            .param("sm", total.scenario().mean())
            .param("sl", total.scenario().p10())
            .param("sh", total.scenario().p90())
            .param("dm", total.difference().mean())
            .param("dl", total.difference().p10())
            .param("dh", total.difference().p90())
            .param("daily", json.writeValueAsString(new ScenarioRun.Daily(p.dailyBaseline(), p.dailyScenario())))
            .param("now", Timestamp.from(now))
            .update();
    }

    void failed(UUID id, String error, Instant now) {
        jdbc.sql("""
                update scenario_runs set status = 'FAILED', error = left(:error, 500), finished_at = :now
                 where id = :id and status in ('QUEUED', 'RUNNING')""")
            .param("id", id)
            .param("error", error)
            .param("now", Timestamp.from(now))
            .update();
    }

    /**
     * Marks FAILED the jobs QUEUED or RUNNING whose heartbeat is older than
     * {@code stale}: their instance stopped.
     */
    int failStale(Instant stale, Instant now) {
        return jdbc.sql("""
                update scenario_runs set status = 'FAILED', finished_at = :now,
                       error = 'stopped with its instance before it finished; run it again'
                 where status in ('QUEUED', 'RUNNING') and heartbeat_at < :stale""")
            .param("stale", Timestamp.from(stale))
            .param("now", Timestamp.from(now))
            .update();
    }

    private static void setInterval(java.sql.PreparedStatement ps, int first, Projection.Interval interval)
            throws SQLException {
        ps.setDouble(first, interval.mean());
        ps.setDouble(first + 1, interval.p10());
        ps.setDouble(first + 2, interval.p90());
    }

    private ScenarioRun map(ResultSet rs, int row) throws SQLException {
        String daily = rs.getString("daily");
        return new ScenarioRun(rs.getObject("id", UUID.class), ScenarioStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"), new Area(rs.getString("district_code"), rs.getString("block_code")),
                rs.getInt("days"), rs.getInt("runs"), rs.getLong("seed"),
                json.readValue(rs.getString("perturbations"), PERTURBATIONS), rs.getInt("runs_done"),
                rs.getInt("progress"), (Integer) rs.getObject("schools"), interval(rs, "baseline"),
                interval(rs, "scenario"), interval(rs, "diff"),
                daily == null ? null : json.readValue(daily, ScenarioRun.Daily.class), rs.getString("error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Projection.Interval interval(ResultSet rs, String prefix) throws SQLException {
        double mean = rs.getDouble(prefix + "_mean");
        if (rs.wasNull()) {
            return null;
        }
        return new Projection.Interval(mean, rs.getDouble(prefix + "_p10"), rs.getDouble(prefix + "_p90"));
    }

    private static Projection.Row row(ResultSet rs, int row) throws SQLException {
        return new Projection.Row(rs.getString("level"), rs.getString("code"), rs.getString("district_code"),
                rs.getString("block_code"), interval(rs, "baseline"), interval(rs, "scenario"), interval(rs, "diff"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
