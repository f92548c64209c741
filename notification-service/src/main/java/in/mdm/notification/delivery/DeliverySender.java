package in.mdm.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.notification.NotificationFailed;
import in.mdm.events.notification.NotificationSent;
import in.mdm.notification.template.Channel;

/**
 * Sends what is due: claims a batch of deliveries in one short transaction (attempt
 * counted, leased), sends each outside any transaction, and records each outcome with its
 * event ({@link NotificationSent}, or {@link NotificationFailed} after the last attempt)
 * in a transaction of its own. A failed attempt is due again after a back-off that
 * doubles; a permanent failure (a refused address, no DLT template id, a 4xx) ends at
 * once. A sender that dies mid-way leaves its claims to expire and be taken again.
 */
@Service
public class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryRepository deliveries;

    private final Map<Channel, ChannelSender> channels = new EnumMap<>(Channel.class);

    private final DeliveryProperties properties;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    static final Duration RECORD_FIRST_WAIT = Duration.ofMillis(200);

    static final Duration RECORD_MAX_WAIT = Duration.ofSeconds(2);

    DeliverySender(DeliveryRepository deliveries, List<ChannelSender> senders, DeliveryProperties properties,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        senders.forEach(s -> channels.put(s.channel(), s));
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Sends every delivery due now, a batch at a time; returns how many were tried. */
    public int sendDue() {
        int tried = 0;
        while (true) {
            Instant now = clock.instant();
            List<Delivery> batch = transactions.execute(status -> deliveries.claimDue(now,
                    now.plus(properties.sender().lease()), properties.sender().batchSize()));
            if (batch == null || batch.isEmpty()) {
                return tried;
            }
            for (Delivery delivery : batch) {
                send(delivery);
            }
            tried += batch.size();
        }
    }

    private void send(Delivery delivery) {
        ChannelSender sender = channels.get(delivery.channel());
        String outcome;
        String detail = null;
        Instant dueAgain = null;
        try {
            if (sender == null) {
                throw new DeliveryFailure("no sender for " + delivery.channel(), true, null);
            }
            sender.send(delivery);
            outcome = "SENT";
        }
        catch (DeliveryFailure failure) {
            boolean last = failure.permanent() || delivery.attempts() >= properties.retry().maxAttempts();
            log.warn("delivery {} ({} to {}) attempt {} failed{}: {}", delivery.id(), delivery.channel(),
                    delivery.username(), delivery.attempts(), last ? " for good" : "", failure.getMessage());
            outcome = last ? "FAILED" : "RETRY";
            detail = failure.getMessage();
            dueAgain = last ? null : clock.instant().plus(properties.retry().after(delivery.attempts()));
        }
        catch (RuntimeException ex) {
            log.error("delivery {} attempt {} broke", delivery.id(), delivery.attempts(), ex);
            outcome = "RETRY";
            detail = "unexpected: " + ex.getClass().getSimpleName();
            dueAgain = clock.instant().plus(properties.retry().after(delivery.attempts()));
        }
        recordDurably(delivery, outcome, detail, dueAgain);
    }

    /**
     * Records what became of a send, trying again while the database is away: a message
     * that went out and was not recorded would be sent a second time once its lease ran
     * out. Gives up (the lease then takes over) only after half the lease.
     */
    private void recordDurably(Delivery delivery, String outcome, String detail, Instant dueAgain) {
        long giveUp = System.nanoTime() + properties.sender().lease().dividedBy(2).toNanos();
        Duration wait = RECORD_FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                record(delivery, outcome, detail, dueAgain);
                if (attempt > 1) {
                    log.info("delivery {}: outcome {} recorded after {} attempts", delivery.id(), outcome, attempt);
                }
                return;
            }
            catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                    | TransactionException ex) {
                if (System.nanoTime() > giveUp) {
                    throw ex;
                }
                if (attempt == 1) {
                    log.warn("delivery {}: could not record outcome {} ({}); trying again until the database "
                            + "takes it", delivery.id(), outcome, ex.getMessage());
                }
                try {
                    Thread.sleep(wait);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
                wait = wait.multipliedBy(2).compareTo(RECORD_MAX_WAIT) > 0 ? RECORD_MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void record(Delivery delivery, String outcome, String detail, Instant dueAgain) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (!deliveries.recordOutcome(delivery.id(), delivery.attempts(), outcome, detail, dueAgain, now)) {
                return; // the claim expired and another sender took the delivery
            }
            if ("SENT".equals(outcome)) {
                events.publishEvent(new NotificationSent(UUID.randomUUID(), now, delivery.notificationId(),
                        delivery.channel().name(), delivery.username(), delivery.code()));
            }
            else if ("FAILED".equals(outcome)) {
                events.publishEvent(new NotificationFailed(UUID.randomUUID(), now, delivery.notificationId(),
                        delivery.channel().name(), delivery.username(), delivery.code(), detail));
            }
        });
    }

}
