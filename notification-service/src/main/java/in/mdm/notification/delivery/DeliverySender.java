package in.mdm.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
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
        try {
            if (sender == null) {
                throw new DeliveryFailure("no sender for " + delivery.channel(), true, null);
            }
            sender.send(delivery);
            record(delivery, "SENT", null, null);
        }
        catch (DeliveryFailure failure) {
            boolean last = failure.permanent() || delivery.attempts() >= properties.retry().maxAttempts();
            log.warn("delivery {} ({} to {}) attempt {} failed{}: {}", delivery.id(), delivery.channel(),
                    delivery.username(), delivery.attempts(), last ? " for good" : "", failure.getMessage());
            if (last) {
                record(delivery, "FAILED", failure.getMessage(), null);
            }
            else {
                record(delivery, "RETRY", failure.getMessage(),
                        clock.instant().plus(properties.retry().after(delivery.attempts())));
            }
        }
        catch (RuntimeException ex) {
            log.error("delivery {} attempt {} broke", delivery.id(), delivery.attempts(), ex);
            record(delivery, "RETRY", "unexpected: " + ex.getClass().getSimpleName(),
                    clock.instant().plus(properties.retry().after(delivery.attempts())));
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
