package in.mdm.platform.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Idempotent consumption: the events a consumer has handled, as rows
 * {@code (consumer, event id)} of {@code processed_events}, written in the same
 * transaction as the handler's effect. {@link EventConsumer}s use it through the
 * platform; a redelivered event finds its row and is not handed to the handler again.
 */
public class EventInbox {

    private final JdbcClient jdbc;

    public EventInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles these events, in one statement; returns the
     * ids it had not handled before (an id given twice counts once). Call it inside the
     * transaction of the effect.
     */
    public Set<String> markAll(String consumer, List<String> eventIds, List<String> eventTypes) {
        if (eventIds.size() != eventTypes.size()) {
            throw new IllegalArgumentException("one type per event id");
        }
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                insert into processed_events (consumer, event_id, event_type)
                select :consumer, e.id, e.type from unnest(:ids, :types) as e(id, type)
                on conflict do nothing
                returning event_id""")
            .param("consumer", consumer)
            .param("ids", new SqlArrayValue("text", eventIds.toArray()))
            .param("types", new SqlArrayValue("text", eventTypes.toArray()))
            .query(String.class)
            .list());
    }

    /**
     * Forgets, in one statement, at most {@code limit} rows written more than
     * {@code retention} ago (by the database's clock); returns how many. Rows another
     * replica is deleting at the same time are skipped.
     */
    public int forgetOlderThan(Duration retention, int limit) {
        return jdbc.sql("""
                delete from processed_events where ctid = any(array(
                    select ctid from processed_events
                    where processed_at < now() - make_interval(secs => :seconds)
                    limit :limit for update skip locked))""")
            .param("seconds", (double) retention.toSeconds())
            .param("limit", limit)
            .update();
    }

}
