package in.mdm.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.testapp.ProbeJob;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.Infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter gives every service for scheduled jobs and time: two replicas of the
 * probe service on one database run a {@code @SchedulerLock} job one at a time (the lock
 * provider and the {@code shedlock} table come from the platform), and the one
 * {@link Clock} keeps the programme's zone.
 */
class SchedulingIntegrationTests {

    @Test
    void aLockedJobStartedOnTwoReplicasAtOnceRunsOnOneAndAgainOnceTheFirstRunEnds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            ProbeJob one = first.getBean(ProbeJob.class);
            ProbeJob other = second.getBean(ProbeJob.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            one.holdIn(entered, release);
            other.holdIn(entered, release);

            Future<?> running = threads.submit(() -> call(one));
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the first replica entered the job").isTrue();
            Future<?> skipped = threads.submit(() -> call(other));
            assertThat(skipped)
                .as("the second replica's run returns at once, skipped (had it entered the job, it would "
                        + "wait for the release)")
                .succeedsWithin(Duration.ofSeconds(20));
            assertThat(other.runs()).isZero();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from shedlock where name = :n and lock_until > timezone('utc', now())")
                .param("n", ProbeJob.LOCK)
                .query(Long.class)
                .single()).as("the lock held in the database").isEqualTo(1L);

            release.countDown();
            running.get(30, TimeUnit.SECONDS);
            assertThat(one.runs()).isEqualTo(1);

            // the lock ends with the run: the next run, on either replica, takes it
            call(other);
            assertThat(other.runs()).isEqualTo(1);
            assertThat(one.runs() + other.runs()).isEqualTo(2);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theClockIsTheSystemClockInIndianStandardTime() {
        try (ConfigurableApplicationContext context = start()) {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
            assertThat(Duration.between(clock.instant(), java.time.Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(5));
        }
    }

    private static ConfigurableApplicationContext start() {
        return ProbeRuns.start(Infrastructure.kafka().bootstrapServers(), List.of());
    }

    private static Void call(ProbeJob job) {
        try {
            job.run();
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
