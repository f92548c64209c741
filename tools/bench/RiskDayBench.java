import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A Tamil Nadu day's re-scoring on the running suite: one day of the simulator's daily reports (for schools the
 * suite already has, e.g. after {@code ./run --demo}) posted as one bulk job, then the time until ml-service's
 * consumer ({@code ml-service.meals}) has consumed every DailyMealReported of it, and until the RiskScored it
 * publishes have all reached {@code mdm.ml.risk-scores} (the topic's end offsets unchanged for 3 s after the
 * consumer caught up; the time is taken at the last growth).
 *
 * java -cp ml-service/target/classes:$(cat ml-service/target/bench.classpath) tools/bench/RiskDayBench.java DIR DATE
 *     [-Dsuite=http://localhost:8080 -Dkafka=localhost:19092 -Dadmin.password=...]
 */
public class RiskDayBench {

    static final String MEALS = "mdm.school.daily-meal-reports";

    static final String RISKS = "mdm.ml.risk-scores";

    static final String GROUP = "ml-service.meals";

    static final String GATEWAY = System.getProperty("suite", "http://localhost:8080");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String date = args[1];
        List<String> lines = Files.readAllLines(dir.resolve("daily-reports.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.regionMatches(line.indexOf(',') + 1, date, 0, 10)) {
                csv.append(line).append('\n');
                rows++;
            }
        }
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        String token = login();
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", System.getProperty("kafka", "localhost:19092")))) {
            long risksBefore = total(ends(kafka, RISKS));
            long start = System.nanoTime();
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/meals/reports/bulk"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("bulk job not accepted: " + accepted.statusCode() + " " + accepted.body());
            }
            URI job = URI.create(GATEWAY).resolve(accepted.headers().firstValue("Location").orElseThrow());
            String body;
            do {
                Thread.sleep(200);
                body = HTTP.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            while (!body.contains("\"SUCCEEDED\"") && !body.contains("\"FAILED\""));
            double stored = (System.nanoTime() - start) / 1e9;
            double consumed = -1;
            long lastRisks = risksBefore;
            double lastGrowth = stored;
            double stableSince = -1;
            while (true) {
                double now = (System.nanoTime() - start) / 1e9;
                if (now > 600) {
                    throw new IllegalStateException("not done after 10 minutes");
                }
                if (consumed < 0 && lag(kafka) == 0) {
                    consumed = now;
                }
                long risks = total(ends(kafka, RISKS));
                if (risks != lastRisks) {
                    lastRisks = risks;
                    lastGrowth = now;
                    stableSince = -1;
                }
                else if (consumed >= 0) {
                    stableSince = stableSince < 0 ? now : stableSince;
                    if (now - stableSince >= 3) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
            System.out.printf("%,d reports of %s: stored in %.1f s (%s); consumed by ml-service %.1f s after the POST; "
                    + "%,d RiskScored, the last %.1f s after the POST%n", rows, date, stored,
                    body.replaceAll("\\s+", " "), consumed, lastRisks - risksBefore, Math.max(lastGrowth, consumed));
        }
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    static long lag(Admin kafka) throws Exception {
        var committed = kafka.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var partition : ends(kafka, MEALS).entrySet()) {
            var offset = committed.get(partition.getKey());
            lag += partition.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    static Map<TopicPartition, Long> ends(Admin kafka, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var partition : kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        kafka.listOffsets(latest).all().get().forEach((p, o) -> end.put(p, o.offset()));
        return end;
    }

    static long total(Map<TopicPartition, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    static String login() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + System.getProperty("admin.user", "admin")
                    + "\",\"password\":\"" + System.getProperty("admin.password", "") + "\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
        }
        return login.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

}
