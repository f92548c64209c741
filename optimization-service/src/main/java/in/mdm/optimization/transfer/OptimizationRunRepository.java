package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OptimizationRunRepository {

    private final JdbcClient jdbc;

    OptimizationRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OptimizationRun insert(UUID id, String district, String block, Commodity commodity, int horizonDays, String by,
            Instant now) {
        return jdbc.sql("""
                insert into optimization_runs (id, district_code, block_code, commodity, horizon_days, requested_by,
                                               created_at)
                values (:id, :district, :block, :commodity, :horizon, :by, :now)
                returning *""")
            .param("id", id)
            .param("district", district)
            .param("block", block)
            .param("commodity", commodity == null ? null : commodity.name())
            .param("horizon", horizonDays)
            .param("by", by)
            .param("now", Timestamp.from(now))
            .query(OptimizationRunRepository::map)
            .single();
    }

    Optional<OptimizationRun> find(UUID id) {
        return jdbc.sql("select * from optimization_runs where id = :id")
            .param("id", id)
            .query(OptimizationRunRepository::map)
            .optional();
    }

    void progress(UUID id, String status, int progress) {
        jdbc.sql("update optimization_runs set status = :status, progress = :progress where id = :id")
            .param("id", id)
            .param("status", status)
            .param("progress", progress)
            .update();
    }

    record Totals(int sites, int recommendations, BigDecimal kgMoved, BigDecimal km, BigDecimal costInr,
            long childrenDays, BigDecimal shortageKgBefore, BigDecimal shortageKgAfter, long solveMillis) {
    }

    void done(UUID id, Totals t, Instant now) {
        jdbc.sql("""
                update optimization_runs
                   set status = 'DONE', progress = 100, finished_at = :now, sites = :sites,
                       recommendations = :recommendations, kg_moved = :kg, km = :km, cost_inr = :cost,
                       children_days = :childrenDays, shortage_kg_before = :before, shortage_kg_after = :after,
                       solve_millis = :millis
                 where id = :id""")
            .param("id", id)
            .param("now", Timestamp.from(now))
            .param("sites", t.sites())
            .param("recommendations", t.recommendations())
            .param("kg", t.kgMoved())
            .param("km", t.km())
            .param("cost", t.costInr())
            .param("childrenDays", t.childrenDays())
            .param("before", t.shortageKgBefore())
            .param("after", t.shortageKgAfter())
            .param("millis", t.solveMillis())
            .update();
    }

    /**
     * Marks FAILED the calculations QUEUED or RUNNING since before {@code before}: a
     * calculation takes seconds, so one that old was left by an instance that stopped.
     */
    int failStale(Instant before, Instant now) {
        return jdbc.sql("""
                update optimization_runs set status = 'FAILED', finished_at = :now,
                       error = 'not finished: the instance running it stopped'
                 where status in ('QUEUED', 'RUNNING') and created_at < :before""")
            .param("now", Timestamp.from(now))
            .param("before", Timestamp.from(before))
            .update();
    }

    void failed(UUID id, String error, Instant now) {
        jdbc.sql("update optimization_runs set status = 'FAILED', finished_at = :now, error = :error where id = :id")
            .param("id", id)
            .param("now", Timestamp.from(now))
            .param("error", error.length() > 500 ? error.substring(0, 500) : error)
            .update();
    }

    private static OptimizationRun map(ResultSet rs, int row) throws SQLException {
        String commodity = rs.getString("commodity");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new OptimizationRun(rs.getObject("id", UUID.class), rs.getString("district_code"),
                rs.getString("block_code"), commodity == null ? null : Commodity.valueOf(commodity),
                rs.getInt("horizon_days"), rs.getString("status"), rs.getInt("progress"), rs.getString("requested_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("error"), (Integer) rs.getObject("sites"), (Integer) rs.getObject("recommendations"),
                rs.getBigDecimal("kg_moved"), rs.getBigDecimal("km"), rs.getBigDecimal("cost_inr"),
                (Long) rs.getObject("children_days"), rs.getBigDecimal("shortage_kg_before"),
                rs.getBigDecimal("shortage_kg_after"), (Long) rs.getObject("solve_millis"));
    }

}
