package in.mdm.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again, every interval, outbox entries that are older than the interval and still not delivered
 * (Kafka was down, or the send failed). Restarts republish too; this covers a service that keeps running.
 */
class OutboxResubmitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;
    private ScheduledExecutorService executor;

    OutboxResubmitter(IncompleteEventPublications publications, Duration interval) {
        this.publications = publications;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mdm-outbox-resubmitter");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::resubmit, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void resubmit() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(interval);
        }
        catch (RuntimeException ex) {
            log.warn("Outbox resubmission failed; will try again in {}", interval, ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
