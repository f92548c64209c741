import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import in.mdm.school.importer.ImportCounts;
import in.mdm.school.importer.ImportOptions;
import in.mdm.school.importer.SchoolImporter;
import in.mdm.school.masterdata.V202611242011__Lgd_districts_and_blocks;
import in.mdm.testkit.PostgresServer;

/**
 * Times school-service's UDISE import (SchoolImporter, the same class the import endpoint runs, called without
 * HTTP) on a real PostgreSQL 17 migrated with the service's own Flyway scripts, for a generated UDISE-style CSV of
 * Tamil Nadu schools (real LGD district and block codes, UDISE category and management labels, coordinates,
 * enrollment). Compares it with a raw COPY of the same file into an empty table of text columns.
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 110_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(postgres.jdbcUrl() + "?currentSchema=school");
            dataSource.setUser(PostgresServer.USER);
            Flyway.configure().dataSource(dataSource).schemas("school").defaultSchema("school")
                    .locations("classpath:db/migration", "classpath:db/platform")
                    .javaMigrations(new V202611242011__Lgd_districts_and_blocks()).load().migrate();
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

            AtomicLong events = new AtomicLong();
            SchoolImporter importer = new SchoolImporter(dataSource, new JdbcTransactionManager(dataSource),
                    batch -> events.addAndGet(batch.size()));
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
            Path renamed = Files.createTempFile("udise-bench-renamed-", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(renamed)) {
                for (String line : Files.readAllLines(file)) {
                    out.write(line.replace(",GPS ", ",Govt PS "));
                    out.write('\n');
                }
            }
            events.set(0);
            long start = System.nanoTime();
            ImportCounts counts;
            try (InputStream in = Files.newInputStream(renamed)) {
                counts = importer.run(UUID.randomUUID(), in, options, percent -> { });
            }
            long ms = ms(start);
            System.out.printf("import (updates): %d ms (%,.0f rows/s), %s, events %,d; %.1f x raw COPY%n",
                    ms, rows * 1000.0 / ms, counts, events.get(), (double) ms / rawMs);
            System.out.printf("%nfirst import %,.0f rows/s end to end; %.1f x the raw COPY of the same file (%d ms vs %d ms)%n",
                    rows * 1000.0 / firstMs, (double) firstMs / rawMs, firstMs, rawMs);
            Files.deleteIfExists(file);
            Files.deleteIfExists(renamed);
        }
    }

    static final String[] CATEGORIES = {"Primary", "Primary with Upper Primary", "Upper Primary only",
            "Pr. with Up.Pr. Sec. and H.Sec.", "Upper Pri. and Secondary", "1", "2"};
    static final String[] MANAGEMENTS = {"Department of Education", "Local body", "Government Aided",
            "Private Unaided (Recognized)", "Tribal Welfare Department", "1", "4"};

    /** Schools spread over Tamil Nadu's real LGD blocks. */
    static Path generate(JdbcClient jdbc, int rows) throws Exception {
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
                out.write("33%09d".formatted(i));
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
