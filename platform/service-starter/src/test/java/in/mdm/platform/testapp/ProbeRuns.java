package in.mdm.platform.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.KafkaServer;
import in.mdm.testkit.PostgresServer;

/**
 * Starting {@link ProbeApplication} against the test kit's PostgreSQL and a given Kafka,
 * and a Kafka of a test's own.
 */
public final class ProbeRuns {

    private ProbeRuns() {
    }

    /**
     * The probe service on a free port with the given Kafka address, then
     * {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext start(String kafkaBootstrap, List<String> arguments) {
        List<String> all = new ArrayList<>();
        all.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap);
        all.addAll(arguments);
        return new SpringApplicationBuilder(ProbeApplication.class)
            .properties(Map.of("spring.application.name", "probe-service", "mdm.service.schema", "probe", "server.port",
                    "0", "spring.cloud.config.enabled", "false", "eureka.client.enabled", "false",
                    "spring.datasource.url", Infrastructure.postgres().jdbcUrl(), "spring.datasource.username",
                    PostgresServer.USER, "spring.kafka.admin.fail-fast", "false"))
            .run(all.toArray(String[]::new));
    }

    /**
     * A Kafka broker of a test class's own, with the given topics made up front with the
     * platform's three partitions (a topic the broker makes on the first send, and the
     * platform then grows, makes the idempotent producer stumble).
     */
    public static KafkaServer ownBroker(String... topics) {
        KafkaServer kafka = KafkaServer.startInProcess();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> created = new ArrayList<>();
            for (String topic : topics) {
                created.add(new NewTopic(topic, 3, (short) 1));
            }
            admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            kafka.close();
            throw new IllegalStateException("Cannot create the test topics", ex);
        }
        return kafka;
    }

}
