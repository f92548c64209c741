package in.mdm.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock tests move by hand (escalation after time); it replaces the platform's Clock
 * bean in the contexts that import {@link Config}.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    private final ZoneId zone;

    public MovableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return MovableClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return MovableClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        MovableClock movableClock() {
            return new MovableClock(Clock.systemUTC().instant(), ZoneId.of("Asia/Kolkata"));
        }

    }

}
