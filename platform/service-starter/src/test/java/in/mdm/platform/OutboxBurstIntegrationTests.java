package in.mdm.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.KafkaProbe;
import in.mdm.testkit.KafkaServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of concurrent writers at a service whose pool has only four connections, each
 * request publishing hundreds of single events in one transaction (a batch of meal
 * reports on a busy morning). Every write must complete, the service must stay healthy,
 * and every event must reach Kafka exactly once. Before the outbox recorded send outcomes
 * off Kafka's I/O thread and the committing threads stopped waiting for the task
 * executor, this burst deadlocked: request threads held the connections while they waited
 * for the executor, the executor's tasks waited for Kafka, and Kafka's network thread
 * waited for a connection to record an outcome.
 */
class OutboxBurstIntegrationTests {

    private static final int CLIENTS = 6;

    private static final int REQUESTS_PER_CLIENT = 4;

    private static final int EVENTS_PER_REQUEST = 500;

    private static KafkaServer kafka;

    @BeforeAll
    static void startOwnBroker() {
        kafka = ProbeRuns.ownBroker(SchoolTopics.SCHOOLS);
    }

    @AfterAll
    static void stopOwnBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void concurrentWritersOnAPoolOfFourAllCompleteAndEveryEventReachesKafkaOnce() throws Exception {
        try (ConfigurableApplicationContext context = ProbeRuns.start(kafka.bootstrapServers(),
                List.of("--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.datasource.hikari.connection-timeout=5000",
                        "--mdm.security.open-paths=/probe/burst/**"))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Integer>>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        String prefix = "3398" + client + String.format("%02d", r);
                        HttpRequest request = HttpRequest
                            .newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + "/probe/burst/" + prefix + "/" + EVENTS_PER_REQUEST))
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build();
                        statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                    }
                    return statuses;
                }));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("every client finished within 3 minutes")
                .isTrue();
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).as("every write answered 200").containsOnly(200).hasSize(REQUESTS_PER_CLIENT);
            }
            long wrote = System.nanoTime() - start;

            HttpResponse<String> health = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            int expected = CLIENTS * REQUESTS_PER_CLIENT * EVENTS_PER_REQUEST;
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like '%Burst %'")
                    .query(Long.class)
                    .single() == 0L);
            long sent = System.nanoTime() - start;

            List<ConsumerRecord<String, byte[]>> records = new KafkaProbe(kafka.bootstrapServers())
                .readAll(SchoolTopics.SCHOOLS, Duration.ofSeconds(8));
            Map<String, Integer> perEvent = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                perEvent.merge(KafkaMessageFactory.createReader(record).toEvent().getId(), 1, Integer::sum);
            }
            assertThat(perEvent).as("distinct events on Kafka").hasSize(expected);
            assertThat(perEvent.values()).as("each event once").containsOnly(1);
            assertThat(records).hasSize(expected);
            System.out.printf(
                    "burst: %d requests of %d events by %d clients written in %d ms, all on Kafka after %d ms%n",
                    CLIENTS * REQUESTS_PER_CLIENT, EVENTS_PER_REQUEST, CLIENTS, wrote / 1_000_000, sent / 1_000_000);
        }
    }

}
