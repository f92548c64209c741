package in.mdm.platform.testapp;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * A consumer on the platform's typed handlers, for tests: writes a row per
 * SchoolRegistered (a list handler) and per SchoolUpdated (a single-event handler). A
 * school named {@code POISON} makes the handler fail every time; a school named
 * {@code FAIL-AT-COMMIT} makes the poll's commit fail once, after the handler's writes.
 */
@Component
@ConditionalOnProperty("probe.consumer.enabled")
@EventConsumer("probe.consumer")
public class ProbeEventConsumer {

    /** Polls handed to the list handler (each attempt counts). */
    public static final AtomicInteger listCalls = new AtomicInteger();

    /** Commit failures still to inject. */
    public static final AtomicInteger commitFailures = new AtomicInteger();

    private final JdbcClient jdbc;

    ProbeEventConsumer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void registered(List<SchoolRegistered> events) {
        listCalls.incrementAndGet();
        for (SchoolRegistered e : events) {
            if ("POISON".equals(e.name())) {
                throw new IllegalArgumentException("cannot handle school " + e.udiseCode());
            }
            jdbc.sql("insert into consumed_probes (udise_code, event_id, name) values (?, ?, ?)")
                .params(e.udiseCode(), e.eventId(), e.name())
                .update();
            if ("FAIL-AT-COMMIT".equals(e.name()) && commitFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new TransientDataAccessResourceException("the commit failed (injected)");
                    }
                });
            }
        }
    }

    @EventHandler
    void updated(SchoolUpdated e) {
        jdbc.sql("insert into consumed_probes (udise_code, event_id, name) values (?, ?, ?)")
            .params(e.udiseCode(), e.eventId(), "updated:" + e.name())
            .update();
    }

}
