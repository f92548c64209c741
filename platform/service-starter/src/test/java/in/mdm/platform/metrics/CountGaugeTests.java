package in.mdm.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database count behind a gauge: asked at most once per interval, NaN when it fails.
 */
class CountGaugeTests {

    @Test
    void asksTheDatabaseAtMostOncePerIntervalAndReadsNanWhenItFails() {
        AtomicLong asked = new AtomicLong();
        Instant[] now = { Instant.parse("2026-12-05T05:30:00Z") };
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        boolean[] fail = { false };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountGauge.register(meters, "mdm.test.count", "test", () -> {
            if (fail[0]) {
                throw new IllegalStateException("database away");
            }
            return 40 + asked.incrementAndGet();
        }, Duration.ofMinutes(1), clock);

        // nothing but the registry holds the gauge's object: a collection must not take
        // it
        System.gc();
        assertThat(meters.get("mdm.test.count").gauge().value()).isEqualTo(41.0);
        now[0] = now[0].plusSeconds(30);
        assertThat(meters.get("mdm.test.count").gauge().value()).as("within the minute: not asked again")
            .isEqualTo(41.0);
        now[0] = now[0].plusSeconds(30);
        assertThat(meters.get("mdm.test.count").gauge().value()).isEqualTo(42.0);
        fail[0] = true;
        now[0] = now[0].plusSeconds(60);
        assertThat(meters.get("mdm.test.count").gauge().value()).isNaN();
        assertThat(asked.get()).isEqualTo(2);
    }

}
