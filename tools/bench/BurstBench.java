import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A burst of meal-report batches at the running suite ({@code ./run}) through the gateway: {@code clients} concurrent
 * clients (default 4) each post {@code rounds} batches (default 3) of {@code size} reports (default 500) of real schools
 * of the suite, a Tamil Nadu morning's aggregators. Prints the time every request took, checks that every request was
 * answered 200, that school-service's health stays UP, and that the daily-meal-report topic grew by exactly the number
 * of reports created (each event on Kafka once). Properties: {@code suite} (gateway URL, default
 * http://localhost:8080), {@code school} (school-service's own URL for its health, default http://localhost:8082),
 * {@code kafka} (default localhost:19092), {@code admin.user} / {@code admin.password}, {@code clients}, {@code rounds},
 * {@code size}.
 */
public class BurstBench {

    private static final String MEALS = "mdm.school.daily-meal-reports";

    public static void main(String[] args) throws Exception {
        String gateway = System.getProperty("suite", "http://localhost:8080");
        String school = System.getProperty("school", "http://localhost:8082");
        int clients = Integer.getInteger("clients", 4);
        int rounds = Integer.getInteger("rounds", 3);
        int size = Integer.getInteger("size", 500);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = login(http, gateway);

        List<String> schools = new ArrayList<>();
        for (int page = 0; schools.size() < clients * size; page++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/schools?size=500&page=" + page))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"udiseCode\"\\s*:\\s*\"([0-9]{11})\"").matcher(body);
            int before = schools.size();
            while (m.find()) {
                schools.add(m.group(1));
            }
            if (schools.size() == before) {
                throw new IllegalStateException("the suite has only " + schools.size() + " schools; import some first");
            }
        }
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("burst: %d clients x %d batches of %d reports through %s%n", clients, rounds, size, gateway);

        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", System.getProperty("kafka", "localhost:19092")))) {
            long before = records(kafka);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<int[]>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                List<String> mine = schools.subList(c * size, (c + 1) * size);
                results.add(pool.submit(() -> {
                    int created = 0;
                    int other = 0;
                    for (int r = 0; r < rounds; r++) {
                        // weekdays of the last weeks, one day per round, a new day each run of the bench
                        LocalDate day = LocalDate.now().minusDays(1 + r + (System.currentTimeMillis() / 60_000) % 300);
                        StringBuilder json = new StringBuilder("{\"reports\":[");
                        for (int i = 0; i < mine.size(); i++) {
                            json.append(i == 0 ? "" : ",").append("{\"udiseCode\":\"").append(mine.get(i))
                                    .append("\",\"date\":\"").append(day).append("\",\"attendancePrimary\":40,")
                                    .append("\"attendanceUpperPrimary\":20,\"mealsServed\":60}");
                        }
                        json.append("]}");
                        long t = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway
                                + "/api/v1/meals/reports/batch")).timeout(Duration.ofMinutes(3))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        System.out.printf("  %d in %d ms: %s%n", response.statusCode(), (System.nanoTime() - t) / 1_000_000,
                                response.body().replaceAll("(?s),\"results\".*", "}"));
                        if (response.statusCode() != 200) {
                            other++;
                            continue;
                        }
                        Matcher m = Pattern.compile("\"created\"\\s*:\\s*([0-9]+)").matcher(response.body());
                        created += m.find() ? Integer.parseInt(m.group(1)) : 0;
                    }
                    return new int[] {created, other};
                }));
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("clients still waiting after 10 minutes");
            }
            int created = 0;
            int failed = 0;
            for (Future<int[]> result : results) {
                created += result.get()[0];
                failed += result.get()[1];
            }
            long answered = System.nanoTime() - start;
            String health = http.send(HttpRequest.newBuilder(URI.create(school + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            long onKafka;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            do {
                Thread.sleep(200);
                onKafka = records(kafka) - before;
            } while (onKafka < created && System.nanoTime() < deadline);
            long sent = System.nanoTime() - start;
            Thread.sleep(5000);   // any duplicate sends would arrive meanwhile
            onKafka = records(kafka) - before;
            System.out.printf("%d requests answered (%d not 200) in %d ms; %d reports created; school-service health %s; "
                    + "%d records on %s after %d ms (%s)%n", clients * rounds, failed, answered / 1_000_000, created,
                    health, onKafka, MEALS, sent / 1_000_000, onKafka == created ? "each event once" : "MISMATCH");
        }
    }

    private static String login(HttpClient http, String gateway) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + System.getProperty("admin.user", "admin")
                        + "\",\"password\":\"" + System.getProperty("admin.password", "") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
        }
        return login.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static long records(Admin kafka) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var partition : kafka.describeTopics(List.of(MEALS)).allTopicNames().get().get(MEALS).partitions()) {
            latest.put(new TopicPartition(MEALS, partition.partition()), OffsetSpec.latest());
        }
        long total = 0;
        for (var offset : kafka.listOffsets(latest).all().get().values()) {
            total += offset.offset();
        }
        return total;
    }
}
