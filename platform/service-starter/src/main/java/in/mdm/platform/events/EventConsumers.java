package in.mdm.platform.events;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.backoff.ExponentialBackOff;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.DomainEvent;

/**
 * Finds the application's {@link EventConsumer} beans when it starts and runs one Kafka
 * listener container for each: subscribed to the catalog topics of its handlers' events,
 * in group {@code <application>.<name after the first dot>}, as a batch listener
 * ({@link BatchEventListener}) that commits offsets after each poll. A poll whose
 * transaction failed in the database is delivered again after a back-off (growing up to
 * {@code mdm.events.consumer.max-back-off}), as long as it takes.
 */
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private static final in.mdm.events.EventCatalog CATALOG = in.mdm.events.EventCatalog.events();

    /** What the platform needs to run the consumers. */
    public record Settings(String applicationName, int maxPollRecords, int concurrency, int retries,
            Duration retryInterval, Duration maxBackOff) {
    }

    private final ApplicationContext context;

    private final ConsumerFactory<String, byte[]> consumerFactory;

    private final CloudEventCodec codec;

    private final EventInbox inbox;

    private final TransactionTemplate transactions;

    private final DeadLetters deadLetters;

    private final MeterRegistry meters;

    private final ObservationRegistry observations;

    private final Settings settings;

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    private volatile boolean running;

    public EventConsumers(ApplicationContext context, ConsumerFactory<String, byte[]> consumerFactory,
            CloudEventCodec codec, EventInbox inbox, TransactionTemplate transactions, DeadLetters deadLetters,
            MeterRegistry meters, ObservationRegistry observations, Settings settings) {
        this.context = context;
        this.consumerFactory = consumerFactory;
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.observations = observations;
        this.settings = settings;
    }

    /** The Kafka consumer group of a consumer name in this application. */
    public static String groupId(String applicationName, String consumer) {
        int dot = consumer.indexOf('.');
        if (dot <= 0 || dot == consumer.length() - 1) {
            throw new IllegalArgumentException(
                    "A consumer name is <context>.<what>, e.g. finance.school-directory: " + consumer);
        }
        return applicationName + "." + consumer.substring(dot + 1);
    }

    @Override
    public synchronized void start() {
        stopping = false;
        Map<String, Object> beans = context.getBeansWithAnnotation(EventConsumer.class);
        Set<String> names = new LinkedHashSet<>();
        for (Object bean : beans.values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            String name = type.getAnnotation(EventConsumer.class).value();
            if (!names.add(name)) {
                throw new IllegalStateException("Two event consumers are named " + name);
            }
            Map<Class<?>, BatchEventListener.Handler> handlers = handlers(bean, type);
            Set<String> topics = new LinkedHashSet<>();
            for (Class<?> event : handlers.keySet()) {
                topics.add(codec.catalog().forClass(event).topic());
            }
            ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
            properties.setGroupId(groupId(settings.applicationName(), name));
            properties.setAckMode(ContainerProperties.AckMode.BATCH);
            properties.setMessageListener(new BatchEventListener(name, handlers, codec, inbox, transactions,
                    deadLetters, settings.retries(), settings.retryInterval(), meters, observations, () -> stopping));
            Properties kafka = new Properties();
            kafka.setProperty("max.poll.records", String.valueOf(settings.maxPollRecords()));
            properties.setKafkaConsumerProperties(kafka);
            ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                    consumerFactory, properties);
            container.setConcurrency(settings.concurrency());
            container.setBeanName("mdm-consumer-" + name);
            ExponentialBackOff backOff = new ExponentialBackOff(Math.max(100, settings.retryInterval().toMillis()),
                    2.0);
            backOff.setMaxInterval(settings.maxBackOff().toMillis());
            container.setCommonErrorHandler(new DefaultErrorHandler((record, ex) -> {
                // never reached: the back-off does not end; a poll is delivered again
                // until the database takes it
                throw new IllegalStateException("poll not applied", ex);
            }, backOff));
            container.start();
            containers.add(container);
            log.info("Event consumer {} on {} (group {}): {}", name, topics, properties.getGroupId(),
                    handlers.keySet().stream().map(Class::getSimpleName).toList());
        }
        running = true;
    }

    private static Map<Class<?>, BatchEventListener.Handler> handlers(Object bean, Class<?> type) {
        Map<Class<?>, BatchEventListener.Handler> handlers = new LinkedHashMap<>();
        ReflectionUtils.doWithMethods(type, method -> {
            if (!method.isAnnotationPresent(EventHandler.class)) {
                return;
            }
            if (method.getParameterCount() != 1) {
                throw new IllegalStateException(describe(method) + " must take one event or a list of events");
            }
            Type parameter = method.getGenericParameterTypes()[0];
            boolean list = false;
            Class<?> event;
            if (parameter instanceof ParameterizedType generic && generic.getRawType() == List.class
                    && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
                list = true;
                event = element;
            }
            else if (parameter instanceof Class<?> plain) {
                event = plain;
            }
            else {
                throw new IllegalStateException(describe(method) + " must take one event or a List of one event type");
            }
            if (!DomainEvent.class.isAssignableFrom(event) || !CATALOG.contains(event)) {
                throw new IllegalStateException(
                        describe(method) + " takes " + event.getName() + ", which is not an event of the catalog");
            }
            if (handlers.containsKey(event)) {
                throw new IllegalStateException(type.getName() + " has two handlers for " + event.getSimpleName());
            }
            ReflectionUtils.makeAccessible(method);
            handlers.put(event, new BatchEventListener.Handler(bean, method, list));
        });
        if (handlers.isEmpty()) {
            throw new IllegalStateException(type.getName() + " is an @EventConsumer without @EventHandler methods");
        }
        return handlers;
    }

    private static String describe(Method method) {
        return "@EventHandler " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** The topics each consumer is subscribed to (for tests and diagnostics). */
    public synchronized Map<String, List<String>> subscriptions() {
        Map<String, List<String>> subscriptions = new LinkedHashMap<>();
        for (ConcurrentMessageListenerContainer<String, byte[]> container : containers) {
            subscriptions.put(container.getGroupId(), List.of(container.getContainerProperties().getTopics()));
        }
        return subscriptions;
    }

    @Override
    public void stop() {
        // a listener trying a poll again through a database outage gives up at once
        stopping = true;
        stopContainers();
    }

    private synchronized void stopContainers() {
        for (ConcurrentMessageListenerContainer<String, byte[]> container : containers) {
            container.stop();
        }
        containers.clear();
        running = false;
    }

    private volatile boolean stopping;

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the rest of the application is up, stopped before it goes down
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

}
