package in.mdm.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import in.mdm.platform.web.ApiException;

/**
 * Files uploaded for a job that runs in the background (a UDISE import, an aggregator's
 * meal reports): the request keeps the upload in a temporary file, checks it and answers
 * {@code 202} with its job; the job then reads the file through a counting stream, for
 * its progress, on a virtual thread, at most {@code concurrentJobs} at a time. The file
 * is deleted when the job ends, whatever its outcome, or at once when the checks refuse
 * it.
 */
public final class UploadJobs {

    private static final Logger log = LoggerFactory.getLogger(UploadJobs.class);

    private final String name;

    private final SimpleAsyncTaskExecutor executor;

    /**
     * Slots for running jobs. A job waits for one on its own virtual thread: the
     * executor's concurrency limit would make the request that submits a job wait
     * instead, for as long as the running jobs take, under a burst of uploads.
     */
    private final Semaphore slots;

    /**
     * @param name names the temporary files and the job threads
     * @param concurrentJobs jobs that run at once; the others wait their turn (QUEUED)
     */
    public UploadJobs(String name, int concurrentJobs) {
        this.name = name;
        this.executor = new SimpleAsyncTaskExecutor(name + "-");
        this.executor.setVirtualThreads(true);
        this.slots = new Semaphore(concurrentJobs, true);
    }

    /** A job over the kept file. It records its own outcome; what escapes is logged. */
    @FunctionalInterface
    public interface Job {

        void run(Upload upload) throws Exception;

    }

    /**
     * What the checks of a submission decided: the answer to give, and the job to start.
     */
    public record Accepted<T>(T response, Job job) {
    }

    /** Checks a kept upload and records its job; throws to refuse it. */
    @FunctionalInterface
    public interface Submission<T> {

        Accepted<T> accept(Path file) throws IOException;

    }

    /** The uploaded file as a job reads it. */
    public static final class Upload {

        private final BoundedInputStream in;

        private final long size;

        private Upload(BoundedInputStream in, long size) {
            this.in = in;
            this.size = Math.max(1, size);
        }

        /** The file's bytes, counted as they are read. */
        public InputStream stream() {
            return in;
        }

        /** How much of the file has been read, 0 to 99 (100 is for the job to say). */
        public int percent() {
            return (int) Math.min(99, in.getCount() * 100 / size);
        }

    }

    /**
     * Keeps the body in a temporary file and hands it to the checks; starts the job they
     * accept and returns their answer. An empty body is a 400 problem
     * {@code emptyProblemCode}; if the checks throw, the file is deleted.
     */
    public <T> T submit(InputStream body, String emptyProblemCode, Submission<T> submission) throws IOException {
        Path file = Files.createTempFile(name + "-", ".upload");
        try {
            long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw ApiException.badRequest(emptyProblemCode, "The file is empty");
            }
            Accepted<T> accepted = submission.accept(file);
            executor.execute(() -> run(file, accepted.job()));
            return accepted.response();
        }
        catch (IOException | RuntimeException ex) {
            delete(file);
            throw ex;
        }
    }

    private void run(Path file, Job job) {
        try {
            slots.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            delete(file);
            return;
        }
        try {
            runInSlot(file, job);
        }
        finally {
            slots.release();
        }
    }

    private void runInSlot(Path file, Job job) {
        try (BoundedInputStream in = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get()) {
            job.run(new Upload(in, Files.size(file)));
        }
        catch (Exception ex) {
            log.error("{} job over {} ended with an error it did not record", name, file.getFileName(), ex);
        }
        finally {
            delete(file);
        }
    }

    /**
     * The answer to a submission: {@code 202 Accepted}, the job's address and the job.
     */
    public static <T> ResponseEntity<T> accepted(String jobPath, T job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(jobPath)).body(job);
    }

    /**
     * A job's rejected rows as a CSV download named {@code fileName}: the writer to print
     * them to (closing it ends the answer).
     */
    public static Writer csvDownload(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.warn("could not delete {}", file, ex);
        }
    }

}
