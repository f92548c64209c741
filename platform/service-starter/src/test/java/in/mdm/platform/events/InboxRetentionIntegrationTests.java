package in.mdm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.Ids;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.Infrastructure;

/**
 * The inbox forgets what was applied longer ago than the retention, in batches, and keeps
 * (and still drops redeliveries of) what is newer.
 */
class InboxRetentionIntegrationTests {

    private static final String CONSUMER = "probe.retention";

    @Test
    void rowsOlderThanTheRetentionAreForgottenInBatchesAndNewerOnesStillDropRedeliveries() {
        try (ConfigurableApplicationContext probe = ProbeRuns.start(Infrastructure.kafka().bootstrapServers(),
                List.of())) {
            EventInbox inbox = probe.getBean(EventInbox.class);
            JdbcClient jdbc = probe.getBean(JdbcClient.class);
            List<String> old = ids(25_000);
            List<String> recent = ids(100);
            assertThat(inbox.markAll(CONSUMER, old, Collections.nCopies(old.size(), "probe.Old"))).hasSize(25_000);
            assertThat(inbox.markAll(CONSUMER, recent, Collections.nCopies(recent.size(), "probe.Recent")))
                .hasSize(100);
            // applied 31 days ago, and one just inside the retention
            jdbc.sql("update processed_events set processed_at = now() - interval '31 days' "
                    + "where consumer = :c and event_type = 'probe.Old'")
                .param("c", CONSUMER)
                .update();
            jdbc.sql("update processed_events set processed_at = now() - interval '29 days' "
                    + "where consumer = :c and event_id = :id")
                .param("c", CONSUMER)
                .param("id", recent.get(0))
                .update();

            long forgotten = probe.getBean(InboxRetention.class).forget();

            assertThat(forgotten).as("every row past 30 days, over three batches of 10,000").isEqualTo(25_000);
            assertThat(jdbc.sql("select count(*) from processed_events where consumer = :c")
                .param("c", CONSUMER)
                .query(Long.class)
                .single()).isEqualTo(100L);
            assertThat(inbox.markAll(CONSUMER, recent, Collections.nCopies(recent.size(), "probe.Recent")))
                .as("events inside the retention delivered again are still dropped")
                .isEmpty();
            assertThat(probe.getBean(InboxRetention.class).forget()).as("nothing more to forget").isZero();
        }
    }

    @Test
    void aRetentionShorterThanAnHourIsRefused() {
        assertThatThrownBy(
                () -> new InboxRetention(null, Duration.ofMinutes(5), Duration.ofHours(1), new SimpleMeterRegistry()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("mdm.events.inbox.retention");
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Ids.timeOrdered().toString());
        }
        return ids;
    }

}
