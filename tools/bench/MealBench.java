import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A state's daily pulse through the gateway of the running suite: a Tamil Nadu day of meal reports (the
 * simulator's, for schools the suite already has from {@code ./run --demo}) posted as batches of 500 by 4
 * concurrent clients, another day as one bulk job, and after each the time until finance-service has consumed
 * every DailyMealReported of it (its consumer group's lag on the meal topic back to zero).
 */
public class MealBench {

    static final String MEALS = "mdm.school.daily-meal-reports";

    static final String GATEWAY = System.getProperty("suite", "http://localhost:8080");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String end = System.getProperty("end", "2026-10-15");
        int clients = Integer.getInteger("clients", 4);
        int batchSize = Integer.getInteger("batch", 500);
        Path folder = Files.createTempDirectory("meal-bench-");
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("simulator", "tools/simulator/target/mdm-simulator.jar"), "--out", folder.toString(),
                "--days", "2", "--end", end).inheritIO().start();
        if (simulator.waitFor() != 0) {
            throw new IllegalStateException("the simulator failed");
        }
        Map<String, List<String>> days = new TreeMap<>();
        List<String> lines = Files.readAllLines(folder.resolve("daily-reports.csv"));
        String header = lines.get(0);
        List<String> columns = List.of(header.split(","));
        int dateColumn = columns.indexOf("date");
        for (String line : lines.subList(1, lines.size())) {
            days.computeIfAbsent(line.split(",", -1)[dateColumn], d -> new ArrayList<>()).add(line);
        }
        List<String> dates = new ArrayList<>(days.keySet());
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("days %s: %,d and %,d reports; suite at %s%n", dates, days.get(dates.get(0)).size(),
                days.get(dates.get(1)).size(), GATEWAY);
        String token = login();
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", System.getProperty("kafka", "localhost:19092")))) {
            batches(token, kafka, columns, days.get(dates.get(0)), clients, batchSize);
            System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            bulk(token, kafka, header, days.get(dates.get(1)));
            System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    static void batches(String token, Admin kafka, List<String> columns, List<String> rows, int clients, int size)
            throws Exception {
        ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < rows.size(); from += size) {
            StringBuilder body = new StringBuilder("{\"reports\":[");
            for (String row : rows.subList(from, Math.min(rows.size(), from + size))) {
                String[] v = row.split(",", -1);
                String reason = v[columns.indexOf("no_meal_reason")];
                body.append(body.length() > 12 ? "," : "")
                    .append("{\"udiseCode\":\"").append(v[columns.indexOf("udise_code")])
                    .append("\",\"date\":\"").append(v[columns.indexOf("date")])
                    .append("\",\"attendancePrimary\":").append(v[columns.indexOf("attendance_primary")])
                    .append(",\"attendanceUpperPrimary\":").append(v[columns.indexOf("attendance_upper_primary")])
                    .append(",\"mealsServed\":").append(v[columns.indexOf("meals_served")])
                    .append(",\"noMealReason\":").append(reason.isEmpty() ? "null" : "\"" + reason + "\"")
                    .append('}');
            }
            bodies.add(body.append("]}").toString());
        }
        int requests = bodies.size();
        long before = records(kafka);
        Map<Integer, AtomicLong> statuses = new TreeMap<>();
        AtomicLong created = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (String body; (body = bodies.poll()) != null;) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/meals/reports/batch"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - sent) / 1_000_000);
                    synchronized (statuses) {
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    }
                    String count = response.body().replaceAll("(?s)^\\{\"created\":(\\d+).*", "$1");
                    if (count.matches("\\d+")) {
                        created.addAndGet(Long.parseLong(count));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long stored = System.nanoTime();
        pool.shutdown();
        Collections.sort(latencies);
        double seconds = (stored - start) / 1e9;
        System.out.printf("batches: %,d reports in %d requests of %d from %d clients: %.1f s, %,.0f reports/s; "
                + "statuses %s; created %,d; per request p50 %d ms, p95 %d ms, max %d ms%n", rows.size(), requests,
                size, clients, seconds, rows.size() / seconds, statuses, created.get(),
                latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.95)),
                latencies.get(latencies.size() - 1));
        consumed(kafka, before, created.get(), stored);
    }

    static void bulk(String token, Admin kafka, String header, List<String> rows) throws Exception {
        StringBuilder csv = new StringBuilder(header).append('\n');
        rows.forEach(r -> csv.append(r).append('\n'));
        long before = records(kafka);
        long start = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/meals/reports/bulk"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("bulk job not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        URI job = URI.create(GATEWAY).resolve(accepted.headers().firstValue("Location").orElseThrow());
        String body;
        while (true) {
            body = HTTP.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"SUCCEEDED\"") || body.contains("\"FAILED\"")) {
                break;
            }
            Thread.sleep(100);
        }
        long stored = System.nanoTime();
        long created = Long.parseLong(body.replaceAll("(?s).*\"created\":(\\d+).*", "$1"));
        System.out.printf("bulk job: %,d reports (%,d bytes of CSV) in %.1f s from the POST to SUCCEEDED, %,.0f reports/s: %s%n",
                rows.size(), csv.length(), (stored - start) / 1e9, rows.size() / ((stored - start) / 1e9),
                body.replaceAll("\\s+", " "));
        consumed(kafka, before, created, stored);
    }

    /** Waits until the topic holds the new events and every group reading it (finance's) has consumed them. */
    static void consumed(Admin kafka, long before, long created, long stored) throws Exception {
        List<String> groups = new ArrayList<>();
        for (var listing : kafka.listGroups(org.apache.kafka.clients.admin.ListGroupsOptions.forConsumerGroups()).all().get()) {
            var offsets = kafka.listConsumerGroupOffsets(listing.groupId()).partitionsToOffsetAndMetadata().get();
            if (offsets.keySet().stream().anyMatch(p -> p.topic().equals(MEALS))) {
                groups.add(listing.groupId());
            }
        }
        long onKafka = -1;
        Map<String, Long> caughtUp = new LinkedHashMap<>();
        while (caughtUp.size() < groups.size() || onKafka < 0) {
            if (System.nanoTime() - stored > 300_000_000_000L) {
                throw new IllegalStateException("not consumed after 5 minutes: " + caughtUp + " of " + groups);
            }
            if (onKafka < 0 && records(kafka) - before >= created) {
                onKafka = (System.nanoTime() - stored) / 1_000_000;
            }
            Map<TopicPartition, Long> end = ends(kafka);
            for (String group : groups) {
                if (caughtUp.containsKey(group) || onKafka < 0) {
                    continue;
                }
                var committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                long lag = 0;
                for (var partition : end.entrySet()) {
                    var offset = committed.get(partition.getKey());
                    lag += partition.getValue() - (offset == null ? 0 : offset.offset());
                }
                if (lag == 0) {
                    caughtUp.put(group, (System.nanoTime() - stored) / 1_000_000);
                }
            }
            Thread.sleep(100);
        }
        System.out.printf("  all %,d DailyMealReported on %s %d ms after the last answer; consumed, ms after the last answer: %s%n",
                created, MEALS, onKafka, caughtUp);
    }

    static Map<TopicPartition, Long> ends(Admin kafka) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var partition : kafka.describeTopics(List.of(MEALS)).allTopicNames().get().get(MEALS).partitions()) {
            latest.put(new TopicPartition(MEALS, partition.partition()), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        kafka.listOffsets(latest).all().get().forEach((p, o) -> end.put(p, o.offset()));
        return end;
    }

    static long records(Admin kafka) throws Exception {
        return ends(kafka).values().stream().mapToLong(Long::longValue).sum();
    }

    static String login() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + System.getProperty("admin.user", "admin")
                        + "\",\"password\":\"" + System.getProperty("admin.password", "") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
        }
        return login.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

}
