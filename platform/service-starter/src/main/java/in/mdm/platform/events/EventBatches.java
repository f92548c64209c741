package in.mdm.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;

/**
 * Publishes many domain events from one transaction (a bulk import: thousands of events)
 * through the outbox in batches: each batch of at most {@code mdm.events.batch-size}
 * events is one compact {@link OutboxBatch} entry in {@code event_publication}, written
 * in the caller's transaction, so the events commit with the change or not at all. After
 * commit {@link OutboxBatchSender} sends every event to Kafka exactly as the single-event
 * outbox does (topic, key, CloudEvent); a batch that could not be sent whole stays in the
 * outbox and is sent again whole later (at least once, event ids kept). For a handful of
 * events, publish them one by one with {@code ApplicationEventPublisher}.
 */
public class EventBatches {

    private final ApplicationEventPublisher publisher;

    private final OutboxBatchCodec codec;

    private final int batchSize;

    public EventBatches(ApplicationEventPublisher publisher, EventCatalog catalog, int batchSize) {
        this(publisher, new OutboxBatchCodec(catalog), batchSize);
    }

    EventBatches(ApplicationEventPublisher publisher, OutboxBatchCodec codec, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("mdm.events.batch-size must be at least 1, not " + batchSize);
        }
        this.publisher = publisher;
        this.codec = codec;
        this.batchSize = batchSize;
    }

    /**
     * Stores the events in the outbox in batches of at most
     * {@code mdm.events.batch-size}, in the current transaction.
     * @throws IllegalStateException if no transaction is active: the events would not
     * commit with anything
     * @throws IllegalArgumentException if an event is null or not in the event catalog
     * (nothing is published then)
     */
    public void publish(Collection<? extends DomainEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventBatches.publish needs an active transaction: call it from the "
                    + "@Transactional method that makes the change, so the events commit with it or not at all");
        }
        if (events.isEmpty()) {
            return;
        }
        List<DomainEvent> all = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            if (event == null) {
                throw new IllegalArgumentException("Cannot publish a null event");
            }
            if (!codec.catalog().contains(event.getClass())) {
                throw new IllegalArgumentException(event.getClass().getName() + " is not in the event catalog");
            }
            all.add(event);
        }
        for (int from = 0; from < all.size(); from += batchSize) {
            publisher.publishEvent(codec.encode(all.subList(from, Math.min(all.size(), from + batchSize))));
        }
    }

    public int batchSize() {
        return batchSize;
    }

}
