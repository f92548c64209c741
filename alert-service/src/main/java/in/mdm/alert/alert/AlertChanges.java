package in.mdm.alert.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import in.mdm.events.DomainEvent;
import in.mdm.platform.events.EventBatches;

/**
 * What every change of an alert does besides its own row, in the caller's transaction: a
 * row of {@code alert_changes} for the live streams and, after the commit, a nudge to the
 * streams of every replica; {@link #publish} puts the lifecycle events into the outbox of
 * the same transaction.
 */
@Component
class AlertChanges {

    private static final Object BOUND = AlertChanges.class;

    private final AlertRepository alerts;

    private final EventBatches events;

    private final StreamNudge nudge;

    AlertChanges(AlertRepository alerts, EventBatches events, StreamNudge nudge) {
        this.alerts = alerts;
        this.events = events;
        this.nudge = nudge;
    }

    /**
     * Called first by every transaction that changes alerts: from here to its commit it
     * is the only writer, so its changes are numbered in commit order and no two writers
     * wait for each other's rows.
     */
    void begin() {
        alerts.lockChanges();
    }

    /** Records a change for the live streams. */
    void record(UUID alertId, String change, Instant at) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("alert changes are recorded inside a transaction");
        }
        alerts.change(alertId, change, at);
        if (TransactionSynchronizationManager.getResource(BOUND) == null) {
            TransactionSynchronizationManager.bindResource(BOUND, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    nudge.changed();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
                }
            });
        }
    }

    /** The lifecycle events of this transaction's changes, into its outbox. */
    void publish(Collection<? extends DomainEvent> lifecycle) {
        events.publish(lifecycle);
    }

}
