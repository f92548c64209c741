package in.mdm.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Housekeeping that every replica runs on a daemon thread of its own, every interval from
 * the end of the last run, while the application runs (the outbox's resubmission, the
 * inbox's retention). A run catches and logs its own failures.
 */
abstract class PeriodicTask implements SmartLifecycle {

    private final String threadName;

    private final Duration interval;

    private ScheduledExecutorService executor;

    PeriodicTask(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One run; must not throw. */
    abstract void runOnce();

    Duration interval() {
        return interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
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
