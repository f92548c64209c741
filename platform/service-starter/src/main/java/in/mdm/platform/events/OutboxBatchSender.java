package in.mdm.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.messaging.Message;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

import in.mdm.events.DomainEvent;

/**
 * Sends the events of an {@link OutboxBatch} to Kafka after the transaction that stored
 * it committed. Each event becomes the Kafka record the single-event outbox would send
 * for it: the application's externalization configuration gives topic, key, payload (the
 * CloudEvent) and headers, and the application's {@link KafkaOperations} sends it as a
 * message, exactly as the platform's single-event externalizer does
 * ({@link OutboxMessages}).
 * <p>
 * All sends of a batch are in flight together (the producer batches them); the method
 * returns when every one is acknowledged. If one fails, or not all are acknowledged
 * within {@code mdm.events.batch-send-timeout}, it throws: the outbox entry stays
 * incomplete and the whole batch is sent again by the periodic resubmission or a restart
 * (event ids kept, so consumers' inbox drops what they already had). On success Spring
 * Modulith completes (deletes) the entry.
 * <p>
 * Batches are sent on an executor of their own ({@code mdm.events.batch-send-threads},
 * default 2, with a queue), so the committing thread hands them over and returns at once,
 * and the application task executor (which sends single events) is not filled by a bulk
 * operation.
 * <p>
 * Spring Modulith registers this method as a target of the publication registry because
 * it is an after-commit {@link TransactionalEventListener}; its listener id is the
 * method's signature, so neither the class, the method nor its parameter may be renamed
 * while entries may be waiting in an outbox.
 */
public class OutboxBatchSender {

    /** The executor batches are sent on (see {@link EventsPlatformAutoConfiguration}). */
    public static final String EXECUTOR = "mdmOutboxBatchExecutor";

    private static final Logger log = LoggerFactory.getLogger(OutboxBatchSender.class);

    private final OutboxBatchCodec codec;

    private final EventExternalizationConfiguration externalization;

    private final KafkaOperations<Object, Object> kafka;

    private final Duration timeout;

    private final StandardEvaluationContext routingContext = new StandardEvaluationContext();

    private final Counter sent;

    private final Timer succeeded;

    private final Timer failed;

    OutboxBatchSender(OutboxBatchCodec codec, EventExternalizationConfiguration externalization,
            KafkaOperations<Object, Object> kafka, Duration timeout, MeterRegistry meters) {
        this.codec = codec;
        this.externalization = externalization;
        this.kafka = kafka;
        this.timeout = timeout;
        this.sent = Counter.builder("mdm.events.batched.sent")
            .description("Events sent to Kafka from outbox batches")
            .baseUnit("events")
            .register(meters);
        this.succeeded = Timer.builder("mdm.events.batch.send")
            .description("Sending one outbox batch to Kafka")
            .tag("outcome", "success")
            .register(meters);
        this.failed = Timer.builder("mdm.events.batch.send")
            .description("Sending one outbox batch to Kafka")
            .tag("outcome", "failure")
            .register(meters);
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    public void send(OutboxBatch batch) {
        long start = System.nanoTime();
        List<DomainEvent> events = codec.decode(batch);
        try {
            sendAll(events, start + timeout.toNanos());
        }
        catch (RuntimeException ex) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            log.warn("Outbox batch of {} events not sent ({}); it stays in the outbox and is sent again later",
                    events.size(), ex.getMessage());
            throw ex;
        }
        long took = System.nanoTime() - start;
        succeeded.record(took, TimeUnit.NANOSECONDS);
        sent.increment(events.size());
        log.debug("Outbox batch of {} events sent in {} ms", events.size(), took / 1_000_000);
    }

    private void sendAll(List<DomainEvent> events, long deadline) {
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            CompletableFuture<?> acknowledgement;
            try {
                acknowledgement = kafka.send(message(event));
            }
            catch (RuntimeException ex) {
                throw notSent(ex);
            }
            if (acknowledgement.isCompletedExceptionally()) {
                // the producer could not even take it (no metadata within max.block.ms):
                // stop, the rest would wait too
                try {
                    acknowledgement.join();
                }
                catch (CompletionException ex) {
                    throw notSent(ex.getCause());
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BatchSendException("Outbox batch: sending " + events.size() + " events took longer than "
                        + timeout + " (mdm.events.batch-send-timeout)", null);
            }
            acknowledgements.add(acknowledgement);
        }
        try {
            CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new))
                .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            throw new BatchSendException("Outbox batch: " + events.size() + " events not all acknowledged within "
                    + timeout + " (mdm.events.batch-send-timeout)", ex);
        }
        catch (ExecutionException ex) {
            throw notSent(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BatchSendException("Outbox batch: interrupted while waiting for acknowledgements", ex);
        }
    }

    private static BatchSendException notSent(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new BatchSendException("Outbox batch: an event was not sent: " + cause.getMessage()
                + (root == cause ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")"),
                cause);
    }

    /** The message the single-event externalizer builds for the event. */
    private Message<?> message(DomainEvent event) {
        return OutboxMessages.forEvent(externalization, event, routingContext);
    }

    /** A batch was not sent whole; it stays in the outbox. */
    public static final class BatchSendException extends RuntimeException {

        BatchSendException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
