package in.mdm.platform.events;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the inbox from growing without end: every interval it forgets, in batches, the
 * rows of events applied more than the retention ago ({@code mdm.events.inbox.retention},
 * 30 days). An event can be delivered again only while the broker keeps it (7 days in
 * {@code ./run}; a deployment's topic retention must stay below this) or while its outbox
 * entry is unsent (sent again within minutes while Kafka is up), so a forgotten id does
 * not come back. Every replica runs it; they skip each other's rows.
 */
class InboxRetention extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    static final int BATCH = 10_000;

    private final EventInbox inbox;

    private final Duration retention;

    private final Counter forgotten;

    InboxRetention(EventInbox inbox, Duration retention, Duration interval, MeterRegistry meters) {
        super("mdm-inbox-retention", interval);
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "mdm.events.inbox.retention must be at least an hour (it is " + retention + ")");
        }
        this.inbox = inbox;
        this.retention = retention;
        this.forgotten = Counter.builder("mdm.events.inbox.forgotten")
            .description("inbox rows deleted after the retention")
            .register(meters);
    }

    /**
     * Forgets every row older than the retention, a batch at a time; returns how many.
     */
    long forget() {
        long total = 0;
        int deleted;
        do {
            deleted = inbox.forgetOlderThan(retention, BATCH);
            total += deleted;
            forgotten.increment(deleted);
        }
        while (deleted == BATCH);
        return total;
    }

    @Override
    void runOnce() {
        try {
            long deleted = forget();
            if (deleted > 0) {
                log.info("Inbox: forgot {} events applied more than {} ago", deleted, retention);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Inbox retention failed; will try again in {}", interval(), ex);
        }
    }

}
