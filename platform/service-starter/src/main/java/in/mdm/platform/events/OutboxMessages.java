package in.mdm.platform.events;

import org.springframework.expression.EvaluationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.BrokerRouting;

/**
 * The Kafka message for an outbox event: payload (the CloudEvent), the configuration's
 * headers, key and topic from its routing. One place for the single-event externalizer
 * and {@link OutboxBatchSender}, so both put the same record on Kafka.
 */
final class OutboxMessages {

    private OutboxMessages() {
    }

    static Message<?> forEvent(EventExternalizationConfiguration externalization, Object event,
            EvaluationContext routingContext) {
        return forPayload(externalization, externalization.determineTarget(event), externalization.map(event),
                routingContext);
    }

    static Message<?> forPayload(EventExternalizationConfiguration externalization, RoutingTarget target,
            Object payload, EvaluationContext routingContext) {
        if (payload instanceof Message<?> message) {
            return message;
        }
        BrokerRouting routing = BrokerRouting.of(target, routingContext);
        return MessageBuilder.withPayload(payload)
            .copyHeaders(externalization.getHeadersFor(payload))
            .setHeaderIfAbsent(KafkaHeaders.KEY, routing.getKey(payload))
            .setHeaderIfAbsent(KafkaHeaders.TOPIC, routing.getTarget(payload))
            .build();
    }

}
