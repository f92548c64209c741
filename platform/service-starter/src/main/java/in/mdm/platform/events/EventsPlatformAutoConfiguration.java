package in.mdm.platform.events;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;
import in.mdm.events.EventDescriptor;

/**
 * The event spine of every service. Producing: business code publishes a
 * {@link DomainEvent} with {@code ApplicationEventPublisher} inside its transaction;
 * Spring Modulith stores it in the outbox table and, after commit, sends it to its
 * catalog topic as a binary-mode CloudEvent keyed by aggregate id. Bulk operations
 * publish thousands of events from one transaction with {@link EventBatches}: one compact
 * outbox entry per batch, sent by {@link OutboxBatchSender}. Consuming:
 * {@link EventConsumer} beans with {@link EventHandler} methods, a poll per transaction
 * on the {@link EventInbox}, a failing event alone to {@code <topic>.DLT}
 * ({@link EventConsumers}, {@link BatchEventListener}).
 */
@AutoConfiguration
public class EventsPlatformAutoConfiguration {

    /** The executor on which the outcome of a single event's send is recorded. */
    public static final String COMPLETION_EXECUTOR = "mdmOutboxCompletionExecutor";

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(@Value("${mdm.events.source}") URI source) {
        return new CloudEventCodec(EventCatalog.events(), source);
    }

    @Bean
    EventExternalizationConfiguration mdmEventExternalization(CloudEventCodec codec) {
        EventCatalog catalog = codec.catalog();
        return EventExternalizationConfiguration.externalizing()
            .select(event -> event instanceof DomainEvent && catalog.contains(event.getClass()))
            .routeAll(event -> RoutingTarget.forTarget(catalog.forClass(event.getClass()).topic())
                .andKey(((DomainEvent) event).aggregateId()))
            .mapping(event -> codec.encode((DomainEvent) event))
            .build();
    }

    /**
     * Sends each single outbox event to Kafka (Spring Modulith's own Kafka externalizer
     * is kept out by {@link ModulithKafkaExternalizerFilter}; this one is the same
     * listener class, so entries already waiting in an outbox keep their listener id).
     * The send's outcome is handed to {@code mdmOutboxCompletionExecutor} before Spring
     * Modulith records it: Kafka's producer I/O thread, which completes the send, never
     * runs outbox code and so never waits for a database connection. The sending task
     * itself only encodes and hands the record to the producer.
     */
    @Bean
    DelegatingEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration externalization,
            KafkaOperations<Object, Object> kafka, @Qualifier(COMPLETION_EXECUTOR) Executor completions) {
        StandardEvaluationContext routingContext = new StandardEvaluationContext();
        return new DelegatingEventExternalizer(externalization, (target, payload) -> {
            CompletableFuture<?> acknowledgement;
            try {
                acknowledgement = kafka
                    .send(OutboxMessages.forPayload(externalization, target, payload, routingContext));
            }
            catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            }
            return acknowledgement.handleAsync((result, failure) -> {
                if (failure != null) {
                    throw failure instanceof CompletionException completion ? completion
                            : new CompletionException(failure);
                }
                return result;
            }, completions);
        });
    }

    /**
     * Where send outcomes are recorded: off Kafka's I/O thread (a queue, so the producer
     * never waits either).
     */
    @Bean(name = COMPLETION_EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor mdmOutboxCompletionExecutor(@Value("${mdm.events.outcome-threads:2}") int threads,
            ObjectProvider<TaskDecorator> decorator) {
        return OutboxExecutors.queued("mdm-outbox-outcome-", threads, decorator);
    }

    /**
     * Completed outbox entries are deleted in batches by one thread (see
     * {@link OutboxCompletions}).
     */
    @Bean
    static OutboxCompletionsPostProcessor mdmOutboxCompletionsPostProcessor(Environment environment) {
        return new OutboxCompletionsPostProcessor(environment);
    }

    @Bean
    KafkaAdmin.NewTopics mdmTopics(CloudEventCodec codec, @Value("${mdm.kafka.partitions:3}") int partitions,
            @Value("${mdm.kafka.replicas:1}") int replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventDescriptor descriptor : codec.catalog().all()) {
            if (topics.stream().noneMatch(t -> t.name().equals(descriptor.topic()))) {
                topics.add(TopicBuilder.name(descriptor.topic()).partitions(partitions).replicas(replicas).build());
                topics.add(TopicBuilder.name(descriptor.deadLetterTopic())
                    .partitions(partitions)
                    .replicas(replicas)
                    .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Where records that cannot be handled go: a producer of its own, bytes as they came.
     */
    @Bean
    DeadLetters mdmDeadLetters(KafkaProperties properties,
            @Value("${mdm.events.dead-letter-timeout:10s}") Duration timeout) {
        Map<String, Object> producer = new HashMap<>(properties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(producer)), timeout);
    }

    /**
     * Runs the application's {@link EventConsumer}s (see there and
     * {@link BatchEventListener}).
     */
    @Bean
    @SuppressWarnings("unchecked")
    EventConsumers mdmEventConsumers(ApplicationContext context, ConsumerFactory<?, ?> consumerFactory,
            CloudEventCodec codec, EventInbox inbox, TransactionTemplate transactions, DeadLetters deadLetters,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations,
            @Value("${spring.application.name}") String applicationName,
            @Value("${mdm.events.consumer.max-poll-records:2000}") int maxPollRecords,
            @Value("${mdm.events.consumer.concurrency:1}") int concurrency,
            @Value("${mdm.events.consumer.retries:3}") int retries,
            @Value("${mdm.events.consumer.retry-interval:200ms}") Duration retryInterval,
            @Value("${mdm.events.consumer.max-back-off:30s}") Duration maxBackOff) {
        return new EventConsumers(context, (ConsumerFactory<String, byte[]>) consumerFactory, codec, inbox,
                transactions, deadLetters, meters.getIfAvailable(SimpleMeterRegistry::new),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), new EventConsumers.Settings(
                        applicationName, maxPollRecords, concurrency, retries, retryInterval, maxBackOff));
    }

    /**
     * Carries the caller's context (trace, request id in the MDC) into asynchronous work,
     * such as the outbox sending an event after commit, so the event on Kafka belongs to
     * the trace of the request that wrote it. Boot applies it to the application task
     * executor.
     */
    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    EventInbox eventInbox(JdbcClient jdbc) {
        return new EventInbox(jdbc);
    }

    @Bean
    InboxRetention inboxRetention(EventInbox inbox, @Value("${mdm.events.inbox.retention:30d}") Duration retention,
            @Value("${mdm.events.inbox.retention-interval:1h}") Duration interval,
            ObjectProvider<MeterRegistry> meters) {
        return new InboxRetention(inbox, retention, interval, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    EventBatches eventBatches(ApplicationEventPublisher publisher, CloudEventCodec codec,
            @Value("${mdm.events.batch-size:2000}") int batchSize) {
        return new EventBatches(publisher, new OutboxBatchCodec(codec.catalog()), batchSize);
    }

    @Bean
    OutboxBatchSender outboxBatchSender(CloudEventCodec codec,
            EventExternalizationConfiguration mdmEventExternalization, KafkaOperations<Object, Object> kafka,
            @Value("${mdm.events.batch-send-timeout:60s}") Duration timeout, ObjectProvider<MeterRegistry> meters) {
        return new OutboxBatchSender(new OutboxBatchCodec(codec.catalog()), mdmEventExternalization, kafka, timeout,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Where {@link OutboxBatchSender} sends batches: a few threads and a queue, so a
     * transaction that committed a hundred batches hands them over and returns; each
     * thread has all events of its batch in flight at once. Not a default candidate:
     * Boot's application task executor (which backs off for any other executor) stays.
     */
    @Bean(name = OutboxBatchSender.EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor mdmOutboxBatchExecutor(@Value("${mdm.events.batch-send-threads:2}") int threads,
            ObjectProvider<TaskDecorator> decorator) {
        return OutboxExecutors.queued("mdm-outbox-batch-", threads, decorator);
    }

    @Bean
    OutboxResubmitter outboxResubmitter(IncompleteEventPublications publications,
            @Value("${mdm.events.resubmit-interval:5s}") Duration interval,
            @Value("${mdm.events.resubmit-older-than:2m}") Duration olderThan,
            @Value("${mdm.events.resubmit-failed-after:5s}") Duration failedAfter,
            @Value("${mdm.events.resubmit-unclaimed-after:20s}") Duration unclaimedAfter,
            ObjectProvider<org.springframework.modulith.events.core.EventPublicationRepository> repository,
            ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        OutboxResubmitter.Queue queue = repository.getIfAvailable() instanceof OutboxCompletions completions
                ? completions : OutboxResubmitter.Queue.NONE;
        return new OutboxResubmitter(publications, interval, olderThan, failedAfter, unclaimedAfter, queue,
                clock.getIfAvailable(Clock::systemUTC))
            .bindTo(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

}
