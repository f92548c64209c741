package in.mdm.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge whose value is a count the database answers (rows of today's reports, open
 * alerts), asked at most once per {@code maxAge} however often Prometheus scrapes, so
 * that a scrape never costs more than one small query a minute. A count that fails reads
 * as NaN (no sample) rather than a stale or zero value that would mislead a dashboard.
 */
public final class CountGauge {

    private static final Logger log = LoggerFactory.getLogger(CountGauge.class);

    private final LongSupplier count;

    private final Duration maxAge;

    private final Clock clock;

    private Instant askedAt;

    private double value = Double.NaN;

    private CountGauge(LongSupplier count, Duration maxAge, Clock clock) {
        this.count = count;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Registers the gauge {@code name} backed by {@code count}. */
    public static CountGauge register(MeterRegistry meters, String name, String description, LongSupplier count,
            Duration maxAge, Clock clock) {
        CountGauge gauge = new CountGauge(count, maxAge, clock);
        // strongly referenced: Micrometer holds a gauge's object weakly, and callers need
        // not keep this one
        Gauge.builder(name, gauge, CountGauge::value).description(description).strongReference(true).register(meters);
        return gauge;
    }

    synchronized double value() {
        Instant now = this.clock.instant();
        if (this.askedAt == null || Duration.between(this.askedAt, now).compareTo(this.maxAge) >= 0) {
            this.askedAt = now;
            try {
                this.value = this.count.getAsLong();
            }
            catch (RuntimeException ex) {
                log.debug("Count for a gauge failed", ex);
                this.value = Double.NaN;
            }
        }
        return this.value;
    }

}
