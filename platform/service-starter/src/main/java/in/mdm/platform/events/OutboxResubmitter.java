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
 * Sends again, every interval, outbox entries that are older than a minimum age and still
 * not delivered (Kafka was down, or the send failed). Restarts republish too; this covers
 * a service that keeps running. The minimum age is longer than a batch may take to send
 * ({@code mdm.events.batch-send-timeout}) and than single events may wait for the task
 * executor, so that an entry still being sent is not sent a second time beside it.
 */
class OutboxResubmitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications publications;

    private final Duration interval;

    private final Duration minimumAge;

    private ScheduledExecutorService executor;

    OutboxResubmitter(IncompleteEventPublications publications, Duration interval, Duration minimumAge) {
        this.publications = publications;
        this.interval = interval;
        this.minimumAge = minimumAge.compareTo(interval) < 0 ? interval : minimumAge;
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
            publications.resubmitIncompletePublicationsOlderThan(minimumAge);
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
