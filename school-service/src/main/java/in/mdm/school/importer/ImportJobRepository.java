package in.mdm.school.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class ImportJobRepository {

    private final JdbcClient jdbc;

    ImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String fileName, ImportOptions options, String requestedBy) {
        jdbc.sql(
                """
                        insert into school_import_jobs (id, status, file_name, academic_year, create_missing_blocks, requested_by)
                        values (:id, :status, :file, :year, :create, :by)""")
            .param("status", ImportStatus.QUEUED.name())
            .param("id", id)
            .param("file", fileName)
            .param("year", options.academicYear())
            .param("create", options.createMissingBlocks())
            .param("by", requestedBy)
            .update();
    }

    void started(UUID id) {
        jdbc.sql("update school_import_jobs set status = :status, started_at = now() where id = :id")
            .param("id", id)
            .param("status", ImportStatus.RUNNING.name())
            .update();
    }

    void progress(UUID id, int rowsRead, int percent) {
        jdbc.sql("update school_import_jobs set rows_read = :rows, progress = :p where id = :id")
            .param("id", id)
            .param("rows", rowsRead)
            .param("p", percent)
            .update();
    }

    void succeeded(UUID id, ImportCounts c) {
        jdbc.sql("""
                update school_import_jobs set status = :status, progress = 100, finished_at = now(), rows_read = :read,
                       inserted = :inserted, updated = :updated, unchanged = :unchanged, rejected = :rejected
                where id = :id""")
            .param("status", ImportStatus.SUCCEEDED.name())
            .param("id", id)
            .param("read", c.rowsRead())
            .param("inserted", c.inserted())
            .param("updated", c.updated())
            .param("unchanged", c.unchanged())
            .param("rejected", c.rejected())
            .update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("update school_import_jobs set status = :status, finished_at = now(), error = :error where id = :id")
            .param("status", ImportStatus.FAILED.name())
            .param("id", id)
            .param("error", error.length() > 500 ? error.substring(0, 500) : error)
            .update();
    }

    /** Jobs a stopped instance left unfinished. */
    int failUnfinished() {
        return jdbc.sql("""
                update school_import_jobs set status = :failed, finished_at = now(),
                       error = 'interrupted: the service stopped during the import; import the file again'
                where status in (:queued, :running)""")
            .param("failed", ImportStatus.FAILED.name())
            .param("queued", ImportStatus.QUEUED.name())
            .param("running", ImportStatus.RUNNING.name())
            .update();
    }

    Optional<ImportJobResponse> find(UUID id) {
        return jdbc.sql("select * from school_import_jobs where id = :id")
            .param("id", id)
            .query((rs, i) -> map(rs))
            .optional();
    }

    /** Jobs newest first, optionally of one status. */
    PageResponse<ImportJobResponse> list(ImportStatus status, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "*", "school_import_jobs")
            .where("cast(:status as varchar) is null or status = :status")
            .param("status", status)
            .orderBy("created_at desc, id")
            .fetch(page, size, (rs, i) -> map(rs));
    }

    void writeRejects(UUID id, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out,
                CSVFormat.DEFAULT.builder()
                    .setHeader("line", "udise_code", "school_name", "reason", "did_you_mean")
                    .get())) {
            jdbc.sql("""
                    select line_no, udise_code, school_name, reason, did_you_mean from school_import_rejects
                    where job_id = :id order by line_no""").param("id", id).query(rs -> {
                try {
                    csv.printRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
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

    private static ImportJobResponse map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ImportStatus status = ImportStatus.valueOf(rs.getString("status"));
        boolean done = status == ImportStatus.SUCCEEDED;
        return new ImportJobResponse(id, status, rs.getString("file_name"), rs.getString("academic_year"),
                rs.getBoolean("create_missing_blocks"), rs.getInt("rows_read"), rs.getInt("inserted"),
                rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"), rs.getInt("progress"),
                rs.getString("error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), done ? "/api/v1/schools/import/" + id + "/rejects" : null);
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
