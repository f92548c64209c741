import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.PostgresServer;

/**
 * Times finance-service's allocation calculation for a state of Tamil Nadu's size: 43,000 schools in 38
 * districts and 390 blocks, on a real PostgreSQL 17 (the test kit's embedded server) migrated with the
 * service's own Flyway scripts. It calls the service's AllocationRepository.calculate (the one set-based
 * statement), and, for comparison, the same arithmetic done in Java and written with a JDBC batch.
 */
public class AllocationBench {

    /** Tamil Nadu's size by default; the second argument sets another (1100000 for all of India). */
    static int SCHOOLS = 43_000;
    static final String YEAR = "2026-27";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 1) {
            SCHOOLS = Integer.parseInt(args[1]);
        }
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(postgres.jdbcUrl() + "?currentSchema=finance");
            dataSource.setUser(PostgresServer.USER);
            Flyway.configure().dataSource(dataSource).schemas("finance").defaultSchema("finance")
                    .locations("classpath:db/migration").load().migrate();

            long loadStart = System.nanoTime();
            load(dataSource);
            System.out.printf("loaded %,d enrollments by COPY in %d ms%n", SCHOOLS, ms(loadStart));

            // the service's repository and norms (package-private: reached by reflection, the bench is not in the package)
            Class<?> repositoryType = Class.forName("in.mdm.finance.allocation.AllocationRepository");
            Constructor<?> newRepository = repositoryType.getDeclaredConstructor(JdbcClient.class);
            newRepository.setAccessible(true);
            Object repository = newRepository.newInstance(JdbcClient.create(dataSource));
            Class<?> normsType = Class.forName("in.mdm.finance.allocation.CostNorms");
            Constructor<?> newNorms = normsType.getDeclaredConstructor(BigDecimal.class, BigDecimal.class, int.class, int.class,
                    BigDecimal.class);
            newNorms.setAccessible(true);
            // Tamil Nadu's plan: 220 school days for primary, 207 for upper primary
            Object norms = newNorms.newInstance(new BigDecimal("6.78"), new BigDecimal("10.17"), 220, 207, new BigDecimal("60.00"));
            Method calculate = repositoryType.getDeclaredMethod("calculate", String.class, String.class, String.class, normsType, Instant.class);
            calculate.setAccessible(true);

            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                Object totals = calculate.invoke(repository, YEAR, null, null, norms, Instant.now());
                System.out.printf("set-based calculate, run %d (%s): %d ms  %s%n", run, run == 1 ? "inserts" : "updates", ms(start), totals);
            }
            // the Java comparison holds every school in memory: only at state size
            for (int run = 1; run <= (SCHOOLS <= 100_000 ? Math.min(runs, 3) : 0); run++) {
                long start = System.nanoTime();
                BigDecimal total = javaBatch(dataSource);
                System.out.printf("Java arithmetic + JDBC batch upsert, run %d: %d ms  total=%s%n", run, ms(start), total);
            }
        }
    }

    /** 43,000 schools' enrollments: district 1..38, about 10 blocks each, 20..400 primary and 0..300 upper primary children. */
    static void load(PGSimpleDataSource dataSource) throws Exception {
        Random random = new Random(43);
        StringBuilder csv = new StringBuilder(SCHOOLS * 64);
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        for (int i = 0; i < SCHOOLS; i++) {
            int district = 1 + i % 38;
            int block = district * 100 + (i / 38) % 10 + (district <= 10 ? 1 : 0) * ((i / 380) % 2);
            csv.append("33%02d%07d".formatted(district, i)).append(',').append(YEAR).append(',')
                    .append(20 + random.nextInt(381)).append(',').append(random.nextInt(301)).append(',')
                    .append(500 + district).append(',').append(block).append(',')
                    .append("bench-").append(i).append(',').append(at).append('\n');
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy enrollments (udise_code, academic_year, primary_count, upper_primary_count, district_code,
                                      block_code, last_event_id, last_event_at) from stdin with (format csv)""",
                    new StringReader(csv.toString()));
            connection.createStatement().execute("analyze enrollments");
        }
    }

    /** The alternative: read the enrollments, compute in Java with BigDecimal, upsert with one JDBC batch. */
    static BigDecimal javaBatch(PGSimpleDataSource dataSource) throws Exception {
        BigDecimal ratePrimary = new BigDecimal("6.78");
        BigDecimal rateUpper = new BigDecimal("10.17");
        BigDecimal daysPrimary = BigDecimal.valueOf(220);
        BigDecimal daysUpper = BigDecimal.valueOf(207);
        BigDecimal centrePercent = new BigDecimal("60.00");
        BigDecimal total = BigDecimal.ZERO;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("""
                    select udise_code, district_code, block_code, primary_count, upper_primary_count
                    from enrollments where academic_year = ?""");
                 PreparedStatement write = connection.prepareStatement("""
                    insert into allocations (id, udise_code, academic_year, district_code, block_code, enrolled_primary,
                                             enrolled_upper_primary, rate_primary, rate_upper_primary, school_days_primary,
                                             school_days_upper_primary, centre_share_percent, calculated_amount,
                                             amount, centre_share, state_share, calculated_at)
                    values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, 207, 60.00, ?, ?, ?, ?, ?)
                    on conflict (udise_code, academic_year) do update set
                        district_code = excluded.district_code, block_code = excluded.block_code,
                        enrolled_primary = excluded.enrolled_primary, enrolled_upper_primary = excluded.enrolled_upper_primary,
                        rate_primary = excluded.rate_primary, rate_upper_primary = excluded.rate_upper_primary,
                        school_days_primary = excluded.school_days_primary,
                        school_days_upper_primary = excluded.school_days_upper_primary,
                        centre_share_percent = excluded.centre_share_percent, calculated_amount = excluded.calculated_amount,
                        amount = excluded.amount, centre_share = excluded.centre_share,
                        state_share = excluded.state_share, calculated_at = excluded.calculated_at""")) {
                read.setString(1, YEAR);
                Timestamp now = Timestamp.from(Instant.now());
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        int primary = rs.getInt(4);
                        int upper = rs.getInt(5);
                        BigDecimal amount = BigDecimal.valueOf(primary).multiply(ratePrimary).multiply(daysPrimary)
                                .add(BigDecimal.valueOf(upper).multiply(rateUpper).multiply(daysUpper));
                        BigDecimal centre = amount.multiply(centrePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
                        total = total.add(amount);
                        write.setString(1, rs.getString(1));
                        write.setString(2, YEAR);
                        write.setString(3, rs.getString(2));
                        write.setString(4, rs.getString(3));
                        write.setInt(5, primary);
                        write.setInt(6, upper);
                        write.setBigDecimal(7, ratePrimary);
                        write.setBigDecimal(8, rateUpper);
                        write.setInt(9, 220);
                        write.setBigDecimal(10, amount);
                        write.setBigDecimal(11, amount);
                        write.setBigDecimal(12, centre);
                        write.setBigDecimal(13, amount.subtract(centre));
                        write.setTimestamp(14, now);
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
            connection.commit();
        }
        return total;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
