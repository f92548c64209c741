package in.mdm.school.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.jobs.UploadJobs;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/**
 * UDISE import jobs: the upload is kept in a temporary file, the job runs in the
 * background and its status, counts and rejected rows are kept in the database.
 */
@Service
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final ImportJobRepository jobs;

    private final SchoolImporter importer;

    private final UploadJobs uploads;

    private final Clock clock;

    ImportJobs(ImportJobRepository jobs, SchoolImportRepository rows, PlatformTransactionManager transactions,
            EventBatches events, Clock clock, @Value("${mdm.school.import.writers:2}") int writers) {
        this.jobs = jobs;
        this.clock = clock;
        // a chunk's thousands of events go to the outbox as a few compact batches, not
        // one row each
        this.importer = new SchoolImporter(rows, transactions, events::publish, clock, writers);
        this.uploads = new UploadJobs("udise-import", 2);
    }

    @EventListener(ApplicationReadyEvent.class)
    void failJobsLeftUnfinished() {
        int failed = jobs.failUnfinished();
        if (failed > 0) {
            log.warn("{} import jobs were left unfinished by a stopped instance and are marked FAILED", failed);
        }
    }

    /** Checks the header, queues the job and returns it (QUEUED). */
    ImportJobResponse submit(InputStream body, String fileName, String academicYear, boolean createMissingBlocks,
            String requestedBy) throws IOException {
        String year = academicYear == null ? AcademicYear.of(LocalDate.now(clock.withZone(INDIA))) : academicYear;
        if (!AcademicYear.isValid(year)) {
            throw ApiException.badRequest(SchoolProblems.IMPORT_BAD_YEAR, "academicYear: must be like 2026-27");
        }
        return uploads.submit(body, SchoolProblems.IMPORT_EMPTY, file -> {
            try (InputStream in = Files.newInputStream(file)) {
                SchoolImporter.checkHeader(in);
            }
            UUID id = UUID.randomUUID();
            ImportOptions options = new ImportOptions(year, createMissingBlocks);
            jobs.create(id, fileName, options, requestedBy);
            return new UploadJobs.Accepted<>(jobs.find(id).orElseThrow(), upload -> run(id, upload, options));
        });
    }

    private void run(UUID id, UploadJobs.Upload upload, ImportOptions options) {
        try {
            jobs.started(id);
            long start = System.nanoTime();
            ImportCounts counts = importer.run(id, upload.stream(), options,
                    rows -> progress(id, rows, upload.percent()));
            jobs.succeeded(id, counts);
            log.info("import {}: {} in {} ms", id, counts, (System.nanoTime() - start) / 1_000_000);
        }
        catch (SchoolImporter.MalformedCsvException ex) {
            jobs.failed(id, "malformed CSV: " + ex.getMessage());
        }
        catch (Exception ex) {
            log.error("import {} failed", id, ex);
            jobs.failed(id,
                    "the import failed; the chunks committed before the failure are kept and importing the file again "
                            + "completes it: " + ex.getClass().getSimpleName());
        }
    }

    /** Progress is informative: a busy database does not fail the import for it. */
    private void progress(UUID id, int rows, int percent) {
        try {
            jobs.progress(id, rows, percent);
        }
        catch (RuntimeException ex) {
            log.warn("import {}: progress not recorded ({})", id, ex.getMessage());
        }
    }

    ImportJobResponse get(UUID id) {
        return jobs.find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.IMPORT_NOT_FOUND, "No import job " + id));
    }

    @Transactional(readOnly = true)
    PageResponse<ImportJobResponse> list(ImportStatus status, int page, int size) {
        return jobs.list(status, page, size);
    }

    /**
     * 404 for an unknown job, 409 {@code school.import.not-finished} until it has
     * succeeded.
     */
    void requireSucceeded(UUID id) {
        ImportJobResponse job = get(id);
        if (job.status() != ImportStatus.SUCCEEDED) {
            throw ApiException.conflict(SchoolProblems.IMPORT_NOT_FINISHED,
                    "The job is " + job.status() + "; rejects are ready when it has SUCCEEDED");
        }
    }

    void writeRejects(UUID id, Writer out) {
        jobs.writeRejects(id, out);
    }

}
