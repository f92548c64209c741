import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import in.mdm.events.school.SchoolTopics;
import in.mdm.school.SchoolServiceApplication;
import in.mdm.school.importer.ImportCounts;
import in.mdm.school.importer.ImportOptions;
import in.mdm.school.importer.SchoolImportRepository;
import in.mdm.school.importer.SchoolImporter;
import in.mdm.school.masterdata.V202611242011__Lgd_districts_and_blocks;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.InfrastructureInitializer;
import in.mdm.testkit.PostgresServer;
import in.mdm.testkit.TestTokens;

/**
 * Times school-service's UDISE import (SchoolImporter, the same class the import endpoint runs, called without
 * HTTP) on a real PostgreSQL 17 migrated with the service's own Flyway scripts, for a generated UDISE-style CSV of
 * Tamil Nadu schools (real LGD district and block codes, UDISE category and management labels, coordinates,
 * enrollment). Compares it with a raw COPY of the same file into an empty table of text columns.
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        List<String> plain = new ArrayList<>(List.of(args));
        boolean service = plain.remove("--service");
        // with --service, --name=value arguments are passed to the service as properties
        List<String> properties = plain.stream().filter(a -> a.startsWith("--")).toList();
        plain.removeAll(properties);
        int rows = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 110_000;
        int runs = plain.size() > 1 ? Integer.parseInt(plain.get(1)) : 3;
        if (System.getProperty("suite") != null) {
            throughTheSuite(rows, System.getProperty("suite"));
            System.exit(0);
        }
        if (service) {
            throughTheService(rows, runs, properties);
            // the test kit's token issuer serves its keys from a non-daemon thread
            System.exit(0);
        }
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            PGSimpleDataSource dataSource = schoolDatabase(postgres);
            JdbcClient jdbc = JdbcClient.create(dataSource);

            Path file = generate(jdbc, rows);
            System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("file: %,d rows, %,d bytes%n", rows, Files.size(file));

            long rawMs = Long.MAX_VALUE;
            for (int run = 1; run <= runs; run++) {
                jdbc.sql("drop table if exists raw_copy").update();
                jdbc.sql("create table raw_copy (udise_code text, school_name text, district_code text, block_code text, "
                        + "category text, management text, rural_urban text, pincode text, latitude text, longitude text, "
                        + "enrollment_primary text, enrollment_upper_primary text)").update();
                long start = System.nanoTime();
                try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy raw_copy from stdin with (format csv, header true)", in);
                }
                long ms = ms(start);
                rawMs = Math.min(rawMs, ms);
                System.out.printf("raw COPY into an empty text table, run %d: %d ms (%,.0f rows/s)%n", run, ms, rows * 1000.0 / ms);
            }

            long floorMs = floor(dataSource, jdbc, rows, runs);

            AtomicLong events = new AtomicLong();
            int writers = Integer.getInteger("writers", 2);
            System.out.printf("writers: %d%n", writers);
            SchoolImporter importer = new SchoolImporter(new SchoolImportRepository(dataSource),
                    new JdbcTransactionManager(dataSource), batch -> events.addAndGet(batch.size()), Clock.systemUTC(), writers);
            ImportOptions options = new ImportOptions("2026-27", false);
            long firstMs = 0;
            for (int run = 1; run <= runs; run++) {
                events.set(0);
                long start = System.nanoTime();
                ImportCounts counts;
                try (InputStream in = Files.newInputStream(file)) {
                    counts = importer.run(UUID.randomUUID(), in, options, percent -> { });
                }
                long ms = ms(start);
                if (run == 1) {
                    firstMs = ms;
                }
                System.out.printf("import, run %d (%s): %d ms (%,.0f rows/s), %s, events %,d; %.1f x raw COPY%n", run,
                        run == 1 ? "inserts" : "nothing changed", ms, rows * 1000.0 / ms, counts, events.get(), (double) ms / rawMs);
            }
            // every school renamed: all rows update
            Path renamed = renamed(file);
            events.set(0);
            long start = System.nanoTime();
            ImportCounts counts;
            try (InputStream in = Files.newInputStream(renamed)) {
                counts = importer.run(UUID.randomUUID(), in, options, percent -> { });
            }
            long ms = ms(start);
            System.out.printf("import (updates): %d ms (%,.0f rows/s), %s, events %,d; %.1f x raw COPY%n",
                    ms, rows * 1000.0 / ms, counts, events.get(), (double) ms / rawMs);
            System.out.printf("%nfirst import %,.0f rows/s end to end; %.1f x the raw COPY of the same file (%d ms vs %d ms); "
                    + "%.1f x the checked rows COPYed straight into the two tables (%d ms)%n",
                    rows * 1000.0 / firstMs, (double) firstMs / rawMs, firstMs, rawMs, (double) firstMs / floorMs, floorMs);
            Files.deleteIfExists(file);
            Files.deleteIfExists(renamed);
        }
    }

    /**
     * The floor the tables set: the same rows, already checked and in their final form, COPYed straight into the empty
     * {@code schools} table (its primary key, index, checks and foreign key to {@code blocks}) and then into
     * {@code enrollments} (primary key, checks, foreign key to {@code schools}): no staging, no upsert, no events.
     */
    static long floor(PGSimpleDataSource dataSource, JdbcClient jdbc, int rows, int runs) throws Exception {
        long best = Long.MAX_VALUE;
        ByteArrayOutputStream schools = new ByteArrayOutputStream();
        ByteArrayOutputStream enrollments = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyOut("""
                    copy (select udise_code, school_name, district_code, block_code, 'PRIMARY', 'GOVERNMENT',
                                 case rural_urban when '2' then 'URBAN' else 'RURAL' end, true, true, false, pincode,
                                 latitude::numeric(9, 6), longitude::numeric(9, 6) from raw_copy) to stdout""", schools);
            copy.copyOut("copy (select udise_code, '2026-27', enrollment_primary, enrollment_upper_primary from raw_copy) to stdout",
                    enrollments);
        }
        for (boolean foreignKeys : new boolean[] {true, false}) {
            for (int run = 1; run <= runs; run++) {
                jdbc.sql("truncate schools cascade").update();
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    if (!foreignKeys) {
                        // dropped in this transaction, which is rolled back
                        try (var statement = connection.createStatement()) {
                            statement.execute("alter table schools drop constraint schools_block_fk");
                            statement.execute("alter table enrollments drop constraint enrollments_udise_code_fkey");
                        }
                    }
                    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                    long start = System.nanoTime();
                    copy.copyIn("""
                            copy schools (udise_code, name, district_code, block_code, category, management, rural_urban,
                                          pm_poshan_eligible, eligible_primary, eligible_upper_primary, pincode, latitude, longitude)
                            from stdin""", new ByteArrayInputStream(schools.toByteArray()));
                    long schoolsMs = ms(start);
                    copy.copyIn("copy enrollments (udise_code, academic_year, primary_count, upper_primary_count) from stdin",
                            new ByteArrayInputStream(enrollments.toByteArray()));
                    long ms = ms(start);
                    if (foreignKeys) {
                        connection.commit();
                        best = Math.min(best, ms);
                    }
                    else {
                        connection.rollback();
                    }
                    System.out.printf("checked rows COPYed straight into schools and enrollments%s, run %d: %d + %d = %d ms (%,.0f rows/s)%n",
                            foreignKeys ? "" : " without the two foreign keys (dropped, then rolled back)", run, schoolsMs,
                            ms - schoolsMs, ms, rows * 1000.0 / ms);
                }
            }
        }
        jdbc.sql("truncate schools cascade").update();
        return best;
    }

    /**
     * End to end through the running service: school-service started in this JVM on the test kit's PostgreSQL,
     * Kafka and Redis, the file POSTed as {@code text/csv} with an ADMIN token, the job polled until SUCCEEDED; then
     * the time until the outbox is empty (every event acknowledged by Kafka), and the records on the topics.
     */
    static void throughTheService(int rows, int runs, List<String> extra) throws Exception {
        SpringApplication app = new SpringApplication(SchoolServiceApplication.class);
        app.addInitializers(new InfrastructureInitializer());
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--spring.cloud.config.enabled=false",
                "--spring.config.import=", "--eureka.client.enabled=false", "--spring.cloud.discovery.enabled=false",
                "--logging.level.root=WARN",
                // headmasters are encrypted at rest: a throw-away development key ring
                "--mdm.crypto.dev-key-file="
                        + Files.createTempDirectory("import-bench").resolve("field-keys.properties")));
        properties.addAll(extra);
        System.out.printf("service properties: %s%n", extra);
        try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String token = TestTokens.admin();
            Path file = generate(jdbc, rows);
            Path renamed = renamed(file);
            System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("file: %,d rows, %,d bytes; JDK %s, %d cores%n", rows, Files.size(file), Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            try (Admin kafka = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka().bootstrapServers()))) {
                for (int run = 1; run <= runs + 1; run++) {
                    boolean rename = run == runs + 1;
                    long before = records(kafka);
                    long start = System.nanoTime();
                    HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/import"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofFile(rename ? renamed : file)).build(), HttpResponse.BodyHandlers.ofString());
                    if (accepted.statusCode() != 202) {
                        throw new IllegalStateException("import not accepted: " + accepted.statusCode() + " " + accepted.body());
                    }
                    URI job = URI.create(base).resolve(accepted.headers().firstValue("Location").orElseThrow());
                    String body = awaitJob(http, job, token);
                    long imported = ms(start);
                    while (jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
                        Thread.sleep(20);
                    }
                    long drained = ms(start);
                    long sent = records(kafka) - before;
                    System.out.printf("import %s: job SUCCEEDED after %d ms (%,.0f rows/s); outbox empty after %d ms, %,d records on "
                            + "Kafka; %s%n", rename ? "(every school renamed)" : "run " + run + (run == 1 ? " (inserts)" : " (nothing changed)"),
                            imported, rows * 1000.0 / imported, drained, sent, body.replaceAll("\\s+", " "));
                }
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(renamed);
        }
        finally {
            Infrastructure.stopAll();
        }
    }

    /**
     * The import through the gateway of a running suite ({@code ./run}), then the fan-out: how long after the job
     * succeeded every consumer group of the school topic has caught up (no lag). Properties: {@code suite} (the gateway
     * URL), {@code kafka} (the suite's broker, default localhost:19092), {@code admin.user} / {@code admin.password}.
     */
    static void throughTheSuite(int rows, String gateway) throws Exception {
        String bootstrap = System.getProperty("kafka", "localhost:19092");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + System.getProperty("admin.user", "admin")
                        + "\",\"password\":\"" + System.getProperty("admin.password", "") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
        }
        String token = login.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Path file;
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            PGSimpleDataSource dataSource = schoolDatabase(postgres);
            // new UDISE codes on every run, so that a suite that imported before still registers them all
            file = generate(JdbcClient.create(dataSource), rows, (System.currentTimeMillis() / 1000 % 900) * 1_000_000L);
        }
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("file: %,d rows, %,d bytes; suite at %s, Kafka at %s%n", rows, Files.size(file), gateway, bootstrap);
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long schoolsBefore = schoolRecords(kafka);
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/schools/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("import not accepted: " + accepted.statusCode() + " " + accepted.body());
            }
            URI job = URI.create(gateway).resolve(accepted.headers().firstValue("Location").orElseThrow());
            String body = awaitJob(http, job, token);
            long imported = System.nanoTime();
            System.out.printf("import job SUCCEEDED after %d ms: %s%n", (imported - start) / 1_000_000, body.replaceAll("\\s+", " "));
            Map<String, Long> caughtUp = new java.util.TreeMap<>();
            List<String> groups = new ArrayList<>();
            for (var listing : kafka.listGroups(org.apache.kafka.clients.admin.ListGroupsOptions.forConsumerGroups()).all().get()) {
                var offsets = kafka.listConsumerGroupOffsets(listing.groupId()).partitionsToOffsetAndMetadata().get();
                if (offsets.keySet().stream().anyMatch(p -> p.topic().equals(SchoolTopics.SCHOOLS))) {
                    groups.add(listing.groupId());
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var partition : kafka.describeTopics(List.of(SchoolTopics.SCHOOLS)).allTopicNames().get()
                    .get(SchoolTopics.SCHOOLS).partitions()) {
                latest.put(new TopicPartition(SchoolTopics.SCHOOLS, partition.partition()), OffsetSpec.latest());
            }
            // the outbox may still be sending when the job ends: a group has caught up once it has consumed all of the
            // import's SchoolRegistered events, that is when the topic holds them all and the group has no lag
            long sentAll = 0;
            while (caughtUp.size() < groups.size()) {
                if (sentAll == 0 && schoolRecords(kafka) - schoolsBefore >= rows) {
                    sentAll = (System.nanoTime() - imported) / 1_000_000;
                }
                if (System.nanoTime() - imported > 600_000_000_000L) {
                    throw new IllegalStateException("not caught up after 10 minutes: " + caughtUp);
                }
                Map<TopicPartition, Long> end = new HashMap<>();
                kafka.listOffsets(latest).all().get().forEach((p, o) -> end.put(p, o.offset()));
                for (String group : groups) {
                    if (caughtUp.containsKey(group)) {
                        continue;
                    }
                    var committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    long lag = 0;
                    for (var partition : end.entrySet()) {
                        var offset = committed.get(partition.getKey());
                        lag += partition.getValue() - (offset == null ? 0 : offset.offset());
                    }
                    if (lag == 0 && sentAll > 0) {
                        caughtUp.put(group, (System.nanoTime() - imported) / 1_000_000);
                    }
                }
                Thread.sleep(100);
            }
            System.out.printf("all %,d SchoolRegistered on %s %d ms after the job succeeded; every consumer group caught up, "
                    + "ms after the job succeeded: %s%n", rows, SchoolTopics.SCHOOLS, sentAll, caughtUp);
        }
        Files.deleteIfExists(file);
    }

    /** The {@code school} schema migrated with school-service's own Flyway scripts (LGD districts and blocks loaded). */
    static PGSimpleDataSource schoolDatabase(PostgresServer postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl() + "?currentSchema=school");
        dataSource.setUser(PostgresServer.USER);
        Flyway.configure().dataSource(dataSource).schemas("school").defaultSchema("school")
                .locations("classpath:db/migration", "classpath:db/platform")
                .javaMigrations(new V202611242011__Lgd_districts_and_blocks()).load().migrate();
        return dataSource;
    }

    /** Polls an import job until it has finished; its last answer, or an exception unless it SUCCEEDED. */
    static String awaitJob(HttpClient http, URI job, String token) throws Exception {
        String status;
        String body;
        do {
            Thread.sleep(50);
            body = http.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            status = body.replaceAll(".*\"status\"\\s*:\\s*\"([A-Z]+)\".*", "$1");
        } while (status.equals("QUEUED") || status.equals("RUNNING"));
        if (!status.equals("SUCCEEDED")) {
            throw new IllegalStateException("import " + status + ": " + body);
        }
        return body;
    }

    /** Records on the school and enrollment topics, all partitions. */
    static long records(Admin kafka) throws Exception {
        return records(kafka, SchoolTopics.SCHOOLS, SchoolTopics.ENROLLMENTS);
    }

    /** Records on the school topic, all partitions. */
    static long schoolRecords(Admin kafka) throws Exception {
        return records(kafka, SchoolTopics.SCHOOLS);
    }

    static long records(Admin kafka, String... topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            for (var partition : kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
        }
        long total = 0;
        for (var offset : kafka.listOffsets(latest).all().get().values()) {
            total += offset.offset();
        }
        return total;
    }

    /** The same file with every school renamed, so that every row updates. */
    static Path renamed(Path file) throws Exception {
        Path renamed = Files.createTempFile("udise-bench-renamed-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(renamed)) {
            for (String line : Files.readAllLines(file)) {
                out.write(line.replace(",GPS ", ",Govt PS "));
                out.write('\n');
            }
        }
        return renamed;
    }

    static final String[] CATEGORIES = {"Primary", "Primary with Upper Primary", "Upper Primary only",
            "Pr. with Up.Pr. Sec. and H.Sec.", "Upper Pri. and Secondary", "1", "2"};
    static final String[] MANAGEMENTS = {"Department of Education", "Local body", "Government Aided",
            "Private Unaided (Recognized)", "Tribal Welfare Department", "1", "4"};

    /** Schools spread over Tamil Nadu's real LGD blocks. */
    static Path generate(JdbcClient jdbc, int rows) throws Exception {
        return generate(jdbc, rows, 0);
    }

    /** Schools spread over Tamil Nadu's real LGD blocks, UDISE codes from 33 followed by {@code first}. */
    static Path generate(JdbcClient jdbc, int rows, long first) throws Exception {
        List<String[]> blocks = jdbc.sql("""
                select b.district_code, b.code from blocks b join districts d on d.code = b.district_code
                where d.state_code = '33' order by 1, 2""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Random random = new Random(42);
        Path file = Files.createTempFile("udise-bench-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("udise_code,school_name,district_code,block_code,category,management,rural_urban,pincode,"
                    + "latitude,longitude,enrollment_primary,enrollment_upper_primary\n");
            for (int i = 0; i < rows; i++) {
                String[] block = blocks.get(i % blocks.size());
                out.write("33%09d".formatted(first + i));
                out.write(",GPS School No. " + i + ",");
                out.write(block[0] + "," + block[1] + ",");
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                out.write(category.contains(",") ? "\"" + category + "\"" : category);
                out.write("," + MANAGEMENTS[random.nextInt(MANAGEMENTS.length)] + ",");
                out.write(random.nextInt(4) == 0 ? "2" : "1");
                out.write("," + (600001 + random.nextInt(43000)) + ",");
                out.write("%.6f,%.6f".formatted(8.1 + random.nextDouble() * 5, 76.3 + random.nextDouble() * 3.9));
                out.write("," + (20 + random.nextInt(381)) + "," + random.nextInt(301) + "\n");
            }
        }
        return file;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
