package in.mdm.school.meal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class MealBulkJobRepository {

    /** A row of the file that was not stored, and why. */
    record Reject(int line, String udiseCode, String date, String code, String detail) {
    }

    private final JdbcClient jdbc;

    MealBulkJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String fileName, MealBulkFormat format, ReportChannel channel, String requestedBy) {
        jdbc.sql("""
                insert into meal_bulk_jobs (id, status, file_name, format, channel, requested_by)
                values (:id, 'QUEUED', :file, :format, :channel, :by)""")
            .param("id", id)
            .param("file", fileName == null || fileName.length() <= 300 ? fileName : fileName.substring(0, 300))
            .param("format", format.name())
            .param("channel", channel.name())
            .param("by", requestedBy)
            .update();
    }

    void started(UUID id) {
        jdbc.sql("update meal_bulk_jobs set status = 'RUNNING', started_at = now() where id = :id")
            .param("id", id)
            .update();
    }

    /** Adds a chunk's counts and its rejects, in the caller's transaction. */
    void chunkDone(UUID id, int rows, int created, int duplicates, List<Reject> rejects, int progress) {
        jdbc.sql("""
                update meal_bulk_jobs set rows_read = rows_read + :rows, created = created + :created,
                       duplicates = duplicates + :duplicates, rejected = rejected + :rejected, progress = :progress
                where id = :id""")
            .param("id", id)
            .param("rows", rows)
            .param("created", created)
            .param("duplicates", duplicates)
            .param("rejected", rejects.size())
            .param("progress", progress)
            .update();
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into meal_bulk_rejects (job_id, line_no, udise_code, report_date, code, detail)
                select :job, * from unnest(cast(:lines as integer[]), cast(:codes as varchar[]),
                                           cast(:dates as varchar[]), cast(:problems as varchar[]),
                                           cast(:details as varchar[]))
                on conflict do nothing""")
            .param("job", id)
            .param("lines", rejects.stream().map(Reject::line).toArray(Integer[]::new))
            .param("codes", rejects.stream().map(r -> cut(r.udiseCode(), 40)).toArray(String[]::new))
            .param("dates", rejects.stream().map(r -> cut(r.date(), 40)).toArray(String[]::new))
            .param("problems", rejects.stream().map(Reject::code).toArray(String[]::new))
            .param("details", rejects.stream().map(r -> cut(r.detail(), 500)).toArray(String[]::new))
            .update();
    }

    void succeeded(UUID id) {
        jdbc.sql("update meal_bulk_jobs set status = 'SUCCEEDED', progress = 100, finished_at = now() where id = :id")
            .param("id", id)
            .update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("update meal_bulk_jobs set status = 'FAILED', finished_at = now(), error = :error where id = :id")
            .param("id", id)
            .param("error", cut(error, 500))
            .update();
    }

    /** Jobs a stopped instance left unfinished. */
    int failUnfinished() {
        return jdbc
            .sql("""
                    update meal_bulk_jobs set status = 'FAILED', finished_at = now(),
                           error = 'interrupted: the service stopped during the job; the chunks stored are kept and sending the file again completes it'
                    where status in ('QUEUED', 'RUNNING')""")
            .update();
    }

    Optional<MealBulkJobResponse> find(UUID id) {
        return jdbc.sql("select * from meal_bulk_jobs where id = :id")
            .param("id", id)
            .query((rs, i) -> map(rs))
            .optional();
    }

    PageResponse<MealBulkJobResponse> page(MealBulkStatus status, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "*", "meal_bulk_jobs")
            .where("(cast(:status as varchar) is null or status = :status)")
            .param("status", status)
            .orderBy("created_at desc, id")
            .fetch(page, size, (rs, i) -> map(rs));
    }

    void writeRejects(UUID id, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out,
                CSVFormat.DEFAULT.builder().setHeader("line", "udise_code", "date", "code", "detail").get())) {
            jdbc.sql(
                    "select line_no, udise_code, report_date, code, detail from meal_bulk_rejects where job_id = :id order by line_no")
                .param("id", id)
                .query(rs -> {
                    try {
                        csv.printRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5));
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static MealBulkJobResponse map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        MealBulkStatus status = MealBulkStatus.valueOf(rs.getString("status"));
        return new MealBulkJobResponse(id, status, rs.getString("file_name"),
                MealBulkFormat.valueOf(rs.getString("format")), ReportChannel.valueOf(rs.getString("channel")),
                rs.getString("requested_by"), rs.getInt("rows_read"), rs.getInt("created"), rs.getInt("duplicates"),
                rs.getInt("rejected"), rs.getInt("progress"), rs.getString("error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                status == MealBulkStatus.SUCCEEDED ? "/api/v1/meals/reports/bulk/" + id + "/rejects" : null);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

}
