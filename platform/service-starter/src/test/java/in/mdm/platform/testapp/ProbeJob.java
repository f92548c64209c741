package in.mdm.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled job of the probe service under the platform's lock (its schedule never
 * fires during a test; tests call {@link #run} as the scheduler would). A run can be held
 * inside the job until a test lets it finish.
 */
@Component
public class ProbeJob {

    public static final String LOCK = "probe.job";

    private final AtomicInteger runs = new AtomicInteger();

    private volatile CountDownLatch entered = new CountDownLatch(0);

    private volatile CountDownLatch release = new CountDownLatch(0);

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT1M")
    public void run() throws InterruptedException {
        runs.incrementAndGet();
        entered.countDown();
        if (!release.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let the job finish");
        }
    }

    /**
     * The next runs count {@code entered} down when they start and wait for
     * {@code release} before they end.
     */
    public void holdIn(CountDownLatch entered, CountDownLatch release) {
        this.entered = entered;
        this.release = release;
    }

    /** How many times the job ran here. */
    public int runs() {
        return runs.get();
    }

}
