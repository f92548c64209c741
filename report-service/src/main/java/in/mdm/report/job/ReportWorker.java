package in.mdm.report.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportRenderer;
import in.mdm.report.template.ReportRequest;
import in.mdm.report.template.ReportTemplates;

/**
 * Generates queued reports: every instance polls for QUEUED jobs and takes one at a time
 * ({@code for update skip locked}) while it has a free slot of
 * {@code mdm.report.concurrent-jobs}; a job is built from the read models in one
 * read-only transaction (its large tables stream from a cursor as the renderer reads
 * them) and written through the {@link ReportRenderer} of its format to a temporary file,
 * moved into place when whole. The poll also beats the heart of this instance's running
 * jobs and takes up jobs whose heart stopped (an instance that crashed).
 */
@Component
class ReportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportWorker.class);

    private final ReportJobRepository jobs;

    private final ReportJobService service;

    private final ReportTemplates templates;

    private final Map<String, ReportRenderer> renderers;

    private final ReportProperties properties;

    private final TransactionTemplate readOnly;

    private final MeterRegistry meters;

    private final Semaphore slots;

    /** This instance's running jobs and their progress. */
    private final Map<UUID, Integer> running = new ConcurrentHashMap<>();

    private ScheduledExecutorService poller;

    private boolean started;

    private ExecutorService workers;

    ReportWorker(ReportJobRepository jobs, ReportJobService service, ReportTemplates templates,
            List<ReportRenderer> renderers, ReportProperties properties, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.service = service;
        this.templates = templates;
        this.renderers = renderers.stream()
            .collect(Collectors.toMap(r -> r.format().toUpperCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.meters = meters;
        this.slots = new Semaphore(properties.concurrentJobs());
    }

    @Override
    public synchronized void start() {
        started = true;
        if (!properties.worker()) {
            return;
        }
        workers = Executors.newFixedThreadPool(properties.concurrentJobs(), r -> {
            Thread thread = new Thread(r, "report-job");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "report-poll");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdownNow();
            poller = null;
            workers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null || !properties.worker() && started;
    }

    /**
     * One poll: heart beats, stale jobs taken up, queued jobs claimed while slots are
     * free.
     */
    void poll() {
        try {
            running.forEach(jobs::beat);
            int recovered = jobs.recoverStale(properties.staleAfter(), properties.maxAttempts());
            if (recovered > 0) {
                log.warn("{} report jobs left RUNNING by a stopped instance taken up again or failed", recovered);
            }
            while (slots.tryAcquire()) {
                Optional<ReportJob> claimed = jobs.claim();
                if (claimed.isEmpty()) {
                    slots.release();
                    break;
                }
                ReportJob job = claimed.get();
                running.put(job.id(), 5);
                workers.execute(() -> {
                    try {
                        run(job);
                    }
                    finally {
                        running.remove(job.id());
                        slots.release();
                    }
                });
            }
        }
        catch (RuntimeException ex) {
            log.error("report job poll failed", ex);
        }
    }

    /** Builds and writes one claimed job, then marks it READY or FAILED. */
    void run(ReportJob job) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ready";
        try {
            ReportRenderer renderer = renderers.get(job.format().name());
            if (renderer == null) {
                throw new IllegalStateException("No renderer for format " + job.format());
            }
            Path dir = properties.storageDir();
            Files.createDirectories(dir);
            Path part = dir.resolve(job.id() + ".part");
            Path file = dir.resolve(job.id() + "." + job.format().extension());
            readOnly.executeWithoutResult(status -> {
                ReportDocument document = templates.build(new ReportRequest(job.reportType(), job.period(), job.scope(),
                        Locale.forLanguageTag(job.language()), job.columns(), job.format().takesDetail()));
                running.put(job.id(), 30);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
                    renderer.render(document, out);
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            service.ready(job, file.toString(), renderer.mediaType(), fileName(job));
        }
        catch (Exception ex) {
            outcome = "failed";
            log.warn("report {} failed", job.id(), ex);
            service.failed(job.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        finally {
            sample.stop(meters.timer("mdm.report.generation", "type", job.reportType().name(), "format",
                    job.format().name(), "outcome", outcome));
        }
    }

    /** performance-monthly-district-568-2026-11-01.csv */
    static String fileName(ReportJob job) {
        return (job.reportType().name() + "-" + (job.periodKind() == null ? "period" : job.periodKind().name()) + "-"
                + job.scope().level().name() + "-" + job.scope().code() + "-" + job.periodFrom() + "."
                + job.format().extension())
            .toLowerCase(Locale.ROOT)
            .replace('_', '-');
    }

}
