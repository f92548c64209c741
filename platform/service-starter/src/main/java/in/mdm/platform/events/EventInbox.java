package in.mdm.platform.events;

import java.util.function.Consumer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;

/**
 * Idempotent consumption. {@link #handle} decodes a Kafka record's CloudEvent and, in one transaction,
 * records {@code (consumer, event id)} in {@code processed_events} and applies the handler's effect. A
 * redelivered event finds its row and changes nothing; a handler that fails rolls back both, and the
 * listener's error handler retries and finally dead-letters the record.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    public enum Outcome {
        APPLIED, DUPLICATE, UNKNOWN_TYPE
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CloudEventCodec codec;
    private final MeterRegistry meters;

    public EventInbox(JdbcClient jdbc, TransactionTemplate transactions, CloudEventCodec codec, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
        this.meters = meters;
    }

    /**
     * @param consumer a stable name of the consuming component, e.g. {@code finance.school-directory}
     */
    public Outcome handle(String consumer, ConsumerRecord<String, byte[]> record, Consumer<DomainEvent> handler) {
        CloudEvent envelope = KafkaMessageFactory.createReader(record).toEvent();
        Outcome outcome;
        if (codec.catalog().forType(envelope.getType()).isEmpty()) {
            log.warn("{} skips event {} of unknown type {}", consumer, envelope.getId(), envelope.getType());
            outcome = Outcome.UNKNOWN_TYPE;
        }
        else {
            DomainEvent event = codec.decode(envelope);
            outcome = transactions.execute(status -> {
                if (!markProcessed(consumer, envelope.getId(), envelope.getType())) {
                    return Outcome.DUPLICATE;
                }
                handler.accept(event);
                return Outcome.APPLIED;
            });
        }
        meters.counter("mdm.events.consumed", "consumer", consumer, "type", envelope.getType(),
                "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }

    /**
     * Records that {@code consumer} handled {@code eventId}; false if it already had. Call it inside the
     * transaction of the effect.
     */
    public boolean markProcessed(String consumer, String eventId, String eventType) {
        return jdbc.sql("""
                insert into processed_events (consumer, event_id, event_type) values (:consumer, :eventId, :eventType)
                on conflict do nothing""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .update() == 1;
    }
}
