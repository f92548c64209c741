package in.mdm.school.meal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import in.mdm.platform.jobs.UploadJobs;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/**
 * Bulk meal report jobs for aggregators (AMS/IVRS): a day's or a week's reports of many
 * schools as one CSV or JSON-lines file. The upload is kept in a temporary file and read
 * in the background in chunks; each chunk is stored in one transaction with the job's
 * counts and rejected rows ({@link MealReportWriter}: set-based inserts, flags,
 * consumption and outbox batches), so a job that stops keeps the chunks it stored and the
 * same file sent again completes it: a row whose school already reported the same figures
 * for the day is a duplicate, not a change.
 */
@Service
class MealBulkJobs {

    private static final Logger log = LoggerFactory.getLogger(MealBulkJobs.class);

    private final MealBulkJobRepository jobs;

    private final MealReportWriter writer;

    private final Validator validator;

    private final JsonMapper json;

    private final Clock clock;

    private final UploadJobs uploads;

    private final int chunkSize;

    MealBulkJobs(MealBulkJobRepository jobs, MealReportWriter writer, Validator validator, JsonMapper json, Clock clock,
            @Value("${mdm.school.meals.bulk-chunk:5000}") int chunkSize,
            @Value("${mdm.school.meals.bulk-jobs:2}") int concurrentJobs) {
        this.jobs = jobs;
        this.writer = writer;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.uploads = new UploadJobs("meal-bulk", concurrentJobs);
    }

    @EventListener(ApplicationReadyEvent.class)
    void failJobsLeftUnfinished() {
        int failed = jobs.failUnfinished();
        if (failed > 0) {
            log.warn("{} bulk meal report jobs were left unfinished by a stopped instance and are marked FAILED",
                    failed);
        }
    }

    /**
     * The format of an upload: from its content type, else its file name, else its first
     * character ({@code {} for JSON lines).
     */
    static MealBulkFormat format(String contentType, String fileName, byte[] firstBytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return MealBulkFormat.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-lines") || type.startsWith("application/x-jsonlines")) {
            return MealBulkFormat.JSON_LINES;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return MealBulkFormat.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return MealBulkFormat.JSON_LINES;
        }
        for (byte b : firstBytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? MealBulkFormat.JSON_LINES : MealBulkFormat.CSV;
            }
        }
        return MealBulkFormat.CSV;
    }

    /** Keeps the file, checks its header, queues the job and returns it (QUEUED). */
    MealBulkJobResponse submit(InputStream body, String contentType, String fileName, ReportChannel channel,
            Caller caller) throws IOException {
        return uploads.submit(body, SchoolProblems.MEAL_BULK_EMPTY, file -> {
            byte[] first;
            try (InputStream in = Files.newInputStream(file)) {
                first = in.readNBytes(64);
            }
            MealBulkFormat format = format(contentType, fileName, first);
            try (MealBulkReader reader = MealBulkReader.open(Files.newInputStream(file), format, validator, json)) {
                if (!reader.hasNext()) {
                    throw ApiException.badRequest(SchoolProblems.MEAL_BULK_EMPTY, "The file has no report rows");
                }
            }
            catch (MealBulkReader.MalformedFileException ex) {
                throw ApiException.badRequest(SchoolProblems.MEAL_BULK_BAD_HEADER,
                        "The file cannot be read as " + format + ": " + ex.getMessage());
            }
            UUID id = UUID.randomUUID();
            // a machine client with meals:write acts for the state (the platform's
            // caller)
            JurisdictionScope scope = JurisdictionScope.of(caller);
            jobs.create(id, fileName, format, channel, caller.username());
            return new UploadJobs.Accepted<>(jobs.find(id).orElseThrow(),
                    upload -> run(id, upload, format, channel, scope, caller.username()));
        });
    }

    private void run(UUID id, UploadJobs.Upload upload, MealBulkFormat format, ReportChannel channel,
            JurisdictionScope scope, String requestedBy) {
        long start = System.nanoTime();
        try (MealBulkReader reader = MealBulkReader.open(upload.stream(), format, validator, json)) {
            jobs.started(id);
            List<MealBulkReader.Row> chunk = new ArrayList<>(chunkSize);
            int[] totals = new int[3];
            while (reader.hasNext()) {
                chunk.add(reader.next());
                if (chunk.size() == chunkSize) {
                    store(id, chunk, channel, scope, requestedBy, upload.percent(), totals);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                store(id, chunk, channel, scope, requestedBy, 99, totals);
            }
            jobs.succeeded(id);
            log.info("bulk meal reports {}: {} created, {} duplicates, {} rejected in {} ms", id, totals[0], totals[1],
                    totals[2], (System.nanoTime() - start) / 1_000_000);
        }
        catch (MealBulkReader.MalformedFileException ex) {
            jobs.failed(id, "malformed file: " + ex.getMessage()
                    + "; the rows before it are stored and sending the file again completes it");
        }
        catch (Exception ex) {
            log.error("bulk meal reports {} failed", id, ex);
            jobs.failed(id, "the job failed; the chunks stored before the failure are kept and sending the file "
                    + "again completes it: " + ex.getClass().getSimpleName());
        }
    }

    /**
     * One chunk in one transaction with its counts and rejects (again after a deadlock).
     */
    private void store(UUID id, List<MealBulkReader.Row> chunk, ReportChannel channel, JurisdictionScope scope,
            String requestedBy, int progress, int[] totals) {
        Instant now = clock.instant();
        List<MealReportWriter.Incoming> incoming = new ArrayList<>(chunk.size());
        List<MealBulkReader.Row> sent = new ArrayList<>(chunk.size());
        List<MealBulkJobRepository.Reject> rejects = new ArrayList<>();
        for (MealBulkReader.Row row : chunk) {
            if (row.problem() != null) {
                rejects.add(reject(row, row.problem()));
            }
            else {
                incoming.add(new MealReportWriter.Incoming(row.report(), now, requestedBy));
                sent.add(row);
            }
        }
        int[] counts = writer.inTransaction(status -> {
            List<MealReportWriter.Result> results = writer.store(incoming, channel, scope, true, false);
            List<MealBulkJobRepository.Reject> all = new ArrayList<>(rejects);
            int created = 0;
            int duplicates = 0;
            for (int i = 0; i < results.size(); i++) {
                MealReportWriter.Result result = results.get(i);
                switch (result.status()) {
                    case CREATED -> created++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> all.add(reject(sent.get(i), result.problem()));
                }
            }
            jobs.chunkDone(id, chunk.size(), created, duplicates, all, progress);
            return new int[] { created, duplicates, all.size() };
        });
        totals[0] += counts[0];
        totals[1] += counts[1];
        totals[2] += counts[2];
    }

    private static MealBulkJobRepository.Reject reject(MealBulkReader.Row row, ApiException problem) {
        return new MealBulkJobRepository.Reject(row.line(), row.udiseCode(), row.date(), problem.code(),
                problem.getBody().getDetail());
    }

    MealBulkJobResponse get(UUID id) {
        return jobs.find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.MEAL_BULK_NOT_FOUND, "No bulk meal job " + id));
    }

    PageResponse<MealBulkJobResponse> page(MealBulkStatus status, int page, int size) {
        return jobs.page(status, page, size);
    }

    /**
     * 404 for an unknown job, 409 {@code meal.bulk.not-finished} until it has succeeded.
     */
    void requireSucceeded(UUID id) {
        MealBulkJobResponse job = get(id);
        if (job.status() != MealBulkStatus.SUCCEEDED) {
            throw ApiException.conflict(SchoolProblems.MEAL_BULK_NOT_FINISHED,
                    "The job is " + job.status() + "; rejects are ready when it has SUCCEEDED");
        }
    }

    void writeRejects(UUID id, Writer out) {
        jobs.writeRejects(id, out);
    }

}
