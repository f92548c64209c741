package in.mdm.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), inside this JVM.
 * Its address is told by {@link #bootstrapServers()} only: Spring Kafka's embedded broker
 * also announces itself in JVM-wide system properties, which would win over any context's
 * own {@code spring.kafka.bootstrap-servers} (a context meant to find no broker, or
 * another one, would find this one); they are put back as they were.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    private static final List<String> ANNOUNCED = List.of("spring.kafka.bootstrap-servers",
            "spring.embedded.kafka.brokers");

    public static KafkaServer startInProcess() {
        Map<String, String> before = new HashMap<>();
        ANNOUNCED.forEach(name -> before.put(name, System.getProperty(name)));
        try {
            return new KafkaServer(start());
        }
        finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                }
                else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("offsets.topic.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }

}
