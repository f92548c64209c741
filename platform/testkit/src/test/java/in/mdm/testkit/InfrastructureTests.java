package in.mdm.testkit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTests {

    @Test
    void aBrokerStartedLeavesTheJvmsSystemPropertiesAsTheyWere() {
        System.setProperty("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        System.clearProperty("spring.embedded.kafka.brokers");
        try (KafkaServer kafka = KafkaServer.startInProcess()) {
            assertThat(kafka.bootstrapServers()).isNotBlank().isNotEqualTo("127.0.0.1:1");
            assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:1");
            assertThat(System.getProperty("spring.embedded.kafka.brokers")).isNull();
        }
        finally {
            System.clearProperty("spring.kafka.bootstrap-servers");
        }
    }

    @Test
    void postgresIsARealServerVersion17() throws Exception {
        try (Connection connection = DriverManager.getConnection(Infrastructure.postgres().jdbcUrl(),
                PostgresServer.USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kit_probe(id int primary key)");
            statement.execute("insert into kit_probe values (1) on conflict do nothing");
            ResultSet rs = statement
                .executeQuery("select current_setting('server_version_num')::int, count(*) from kit_probe");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void kafkaCarriesARecordFromProducerToConsumer() throws Exception {
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kit.probe", "33020100101", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap, "group.id", "kit-probe", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kit.probe"));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    received = records.iterator().next();
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.key()).isEqualTo("33020100101");
            assertThat(received.value()).isEqualTo("hello");
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", Infrastructure.redis().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, 7);
            assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void serversAreSharedWithinTheJvm() {
        assertThat(Infrastructure.postgres()).isSameAs(Infrastructure.postgres());
        assertThat(Infrastructure.springProperties())
            .containsEntry("spring.datasource.url", Infrastructure.postgres().jdbcUrl())
            .containsEntry("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
    }

}
