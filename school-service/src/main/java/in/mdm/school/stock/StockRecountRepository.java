package in.mdm.school.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stock_recount_jobs}: status, counts and progress of each recount. */
@Repository
class StockRecountRepository {

    private final JdbcClient jdbc;

    StockRecountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String requestedBy) {
        jdbc.sql("insert into stock_recount_jobs (id, status, requested_by) values (:id, 'QUEUED', :by)")
            .param("id", id)
            .param("by", requestedBy)
            .update();
    }

    void started(UUID id, long balances) {
        jdbc.sql("""
                update stock_recount_jobs set status = 'RUNNING', started_at = now(), balances = :n
                where id = :id""").param("id", id).param("n", balances).update();
    }

    /** Adds a batch's events, in the batch's transaction. */
    void published(UUID id, int events, int progress) {
        jdbc.sql("""
                update stock_recount_jobs set published = published + :n, progress = greatest(progress, :p)
                where id = :id""").param("id", id).param("n", events).param("p", progress).update();
    }

    void succeeded(UUID id) {
        jdbc.sql("""
                update stock_recount_jobs set status = 'SUCCEEDED', progress = 100, finished_at = now()
                where id = :id""").param("id", id).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("""
                update stock_recount_jobs set status = 'FAILED', error = :e, finished_at = now() where id = :id""")
            .param("id", id)
            .param("e", error.length() <= 500 ? error : error.substring(0, 500))
            .update();
    }

    /** Marks the jobs a stopped instance left QUEUED or RUNNING as FAILED. */
    int failUnfinished() {
        return jdbc.sql("""
                update stock_recount_jobs set status = 'FAILED', finished_at = now(),
                       error = 'the service stopped before the recount finished; start another'
                where status in ('QUEUED', 'RUNNING')""").update();
    }

    Optional<StockRecountResponse> find(UUID id) {
        return jdbc.sql("select * from stock_recount_jobs where id = :id")
            .param("id", id)
            .query(StockRecountRepository::job)
            .optional();
    }

    private static StockRecountResponse job(ResultSet rs, int row) throws SQLException {
        return new StockRecountResponse(rs.getObject("id", UUID.class),
                StockRecountStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getLong("balances"), rs.getLong("published"), rs.getInt("progress"), rs.getString("error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
