package in.mdm.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventDescriptor;

/**
 * What the platform does with one poll of an {@link EventConsumer}: decode, drop what the
 * inbox has seen, hand the new events to their handlers, all in one transaction.
 * <ul>
 * <li>A record that is not a CloudEvent of the catalog, or whose payload does not decode,
 * is dead-lettered alone. Events of the topic that the consumer has no handler for are
 * skipped.</li>
 * <li>If the poll's transaction fails because of the handlers (not the database), the
 * poll is applied again one event at a time, each in its own transaction with a few
 * retries; an event that still fails is dead-lettered alone and the others go
 * through.</li>
 * <li>If the database or the transaction itself fails (connection lost, deadlock, commit
 * failed), nothing of the poll is kept and the exception goes to the container, which
 * delivers the poll again after a back-off: no event is lost or dead-lettered because the
 * database was away.</li>
 * </ul>
 */
final class BatchEventListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BatchEventListener.class);

    /** A handler method of the consumer bean, for one event type. */
    record Handler(Object bean, Method method, boolean takesList) {

        void invoke(List<DomainEvent> events) {
            try {
                if (takesList) {
                    method.invoke(bean, events);
                }
                else {
                    for (DomainEvent event : events) {
                        method.invoke(bean, event);
                    }
                }
            }
            catch (InvocationTargetException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
            catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, String id, String type, DomainEvent event) {
    }

    private final String consumer;

    private final Map<Class<?>, Handler> handlers;

    private final CloudEventCodec codec;

    private final EventInbox inbox;

    private final TransactionTemplate transactions;

    private final DeadLetters deadLetters;

    private final int retries;

    private final Duration retryInterval;

    private final MeterRegistry meters;

    private final ObservationRegistry observations;

    private final Timer pollTimer;

    private final BooleanSupplier stopping;

    /**
     * How long a poll that failed in the database (an outage, a restart) is tried again
     * here, holding its records, before it goes back to the container's error handler:
     * below the consumer's {@code max.poll.interval.ms} (5 minutes), so that the consumer
     * stays in its group meanwhile, and so that the records of the poll are never
     * exchanged for others while they wait (the error handler's in-memory retry polls the
     * consumer between attempts).
     */
    static final Duration OUTAGE_PATIENCE = Duration.ofMinutes(4);

    static final Duration OUTAGE_MAX_WAIT = Duration.ofSeconds(2);

    BatchEventListener(String consumer, Map<Class<?>, Handler> handlers, CloudEventCodec codec, EventInbox inbox,
            TransactionTemplate transactions, DeadLetters deadLetters, int retries, Duration retryInterval,
            MeterRegistry meters, ObservationRegistry observations, BooleanSupplier stopping) {
        this.stopping = stopping;
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.retryInterval = retryInterval;
        this.meters = meters;
        this.observations = observations;
        this.pollTimer = Timer.builder("mdm.events.consumer.poll")
            .description("Handling one poll of a consumer")
            .tag("consumer", consumer)
            .register(meters);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        long start = System.nanoTime();
        Observation.createNotStarted("mdm.events.consume", observations)
            .lowCardinalityKeyValue("consumer", consumer)
            .highCardinalityKeyValue("records", String.valueOf(records.size()))
            .observe(() -> handle(records));
        pollTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Decoded one = decode(record);
            if (one != null) {
                decoded.add(one);
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        long patience = System.nanoTime() + OUTAGE_PATIENCE.toNanos();
        Duration wait = retryInterval.isZero() ? Duration.ofMillis(100) : retryInterval;
        for (int attempt = 1;; attempt++) {
            try {
                transactions.executeWithoutResult(status -> apply(decoded));
                if (attempt > 1) {
                    log.info("{}: the poll of {} events is applied after {} attempts", consumer, decoded.size(),
                            attempt);
                }
                return;
            }
            catch (RuntimeException ex) {
                if (!isInfrastructure(ex)) {
                    log.warn("{}: a poll of {} events failed ({}); applying them one at a time", consumer,
                            decoded.size(), ex.toString());
                    for (Decoded one : decoded) {
                        applyAlone(one);
                    }
                    return;
                }
                if (System.nanoTime() > patience || stopping.getAsBoolean()) {
                    log.warn("{}: a poll of {} events failed in the database ({}); it will be delivered again",
                            consumer, decoded.size(), ex.getMessage());
                    throw ex;
                }
                if (attempt == 1) {
                    log.warn("{}: a poll of {} events failed in the database ({}); trying it again until the "
                            + "database takes it", consumer, decoded.size(), ex.getMessage());
                }
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(OUTAGE_MAX_WAIT) > 0 ? OUTAGE_MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private Decoded decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent envelope;
        try {
            envelope = KafkaMessageFactory.createReader(record).toEvent();
        }
        catch (RuntimeException ex) {
            deadLetter(record, null, ex);
            return null;
        }
        EventDescriptor descriptor = codec.catalog().forType(envelope.getType()).orElse(null);
        if (descriptor == null || !handlers.containsKey(descriptor.eventClass())) {
            // another consumer's event on a shared topic, or a type this build does not
            // know yet
            count(envelope.getType(), "skipped", 1);
            return null;
        }
        try {
            return new Decoded(record, envelope.getId(), envelope.getType(), codec.decode(envelope));
        }
        catch (RuntimeException ex) {
            deadLetter(record, envelope.getType(), ex);
            return null;
        }
    }

    /**
     * The poll's new events to their handlers, consecutive events of a type together, in
     * arrival order.
     */
    private void apply(List<Decoded> events) {
        List<String> ids = new ArrayList<>(events.size());
        List<String> types = new ArrayList<>(events.size());
        for (Decoded one : events) {
            ids.add(one.id());
            types.add(one.type());
        }
        Set<String> fresh = new HashSet<>(inbox.markAll(consumer, ids, types));
        List<DomainEvent> run = new ArrayList<>();
        Class<?> runType = null;
        Map<String, Integer> applied = new HashMap<>();
        for (Decoded one : events) {
            if (!fresh.remove(one.id())) {
                count(one.type(), "duplicate", 1);
                continue;
            }
            if (runType != one.event().getClass() && !run.isEmpty()) {
                handlers.get(runType).invoke(run);
                run = new ArrayList<>();
            }
            runType = one.event().getClass();
            run.add(one.event());
            applied.merge(one.type(), 1, Integer::sum);
        }
        if (!run.isEmpty()) {
            handlers.get(runType).invoke(run);
        }
        // counted once the handlers returned (a poll rolled back at commit is counted
        // again when it is applied)
        applied.forEach((type, n) -> count(type, "applied", n));
    }

    private void applyAlone(Decoded one) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(retryInterval.multipliedBy(1L << Math.min(attempt - 1, 6)));
            }
            try {
                transactions.executeWithoutResult(status -> apply(List.of(one)));
                return;
            }
            catch (RuntimeException ex) {
                if (isInfrastructure(ex)) {
                    throw ex;
                }
                last = ex;
            }
        }
        log.error("{}: event {} ({}) failed {} times and goes to the dead-letter topic", consumer, one.id(), one.type(),
                retries + 1, last);
        deadLetter(one.record(), one.type(), last);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String type, Throwable cause) {
        deadLetters.send(record, cause);
        count(type == null ? "undecodable" : type, "dead-lettered", 1);
        log.warn("{}: {}@{} offset {} dead-lettered: {}", consumer, record.topic(), record.partition(), record.offset(),
                cause.toString());
    }

    private void count(String type, String outcome, int n) {
        meters.counter("mdm.events.consumed", "consumer", consumer, "type", type, "outcome", outcome).increment(n);
    }

    /**
     * Whether the failure is the database's or the transaction's (deliver again), not the
     * events'.
     */
    static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof DeadLetters.DeadLetterException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

}
