package in.mdm.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A district of 40,000 schools over 25 school days: 1,000,000 school days exported as CSV
 * through the whole pipeline (job, template, cursor, renderer, file) while the heap's old
 * generation is watched: rows held in memory would be 1,000,000 arrays of seven values
 * (well over 150 MB); streamed, the job's peak stays under {@link #BOUND_MB}.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class LargeExportIntegrationTests {

    static final String DISTRICT = "599";

    static final int SCHOOLS = 40_000;

    static final int DAYS = 25;

    static final long BOUND_MB = 96;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheDistrict() {
        jdbc.sql("delete from fact_school_days where udise_code like '3399%'").update();
        jdbc.sql("delete from fact_schools where district_code = :d").param("d", DISTRICT).update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMillionRowExportStreamsInBoundedMemory() throws IOException {
        jdbc.sql("""
                insert into fact_schools (udise_code, name, district_code, block_code, occurred_at)
                select '3399' || lpad(n::text, 7, '0'), 'School ' || n, :d, '99' || (n % 10), now()
                  from generate_series(1, :schools) n""").param("d", DISTRICT).param("schools", SCHOOLS).update();
        jdbc.sql("""
                insert into fact_school_days (udise_code, day, attendance, meals_served, first_reported_at, occurred_at)
                select '3399' || lpad(n::text, 7, '0'), date '2027-02-01' + d, 40 + n % 20, 40 + n % 20, now(), now()
                  from generate_series(1, :schools) n, generate_series(0, :days - 1) d""")
            .param("schools", SCHOOLS)
            .param("days", DAYS)
            .update();

        System.gc();
        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans()
            .stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported())
            .toList();
        long before = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        old.forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        Map<String, Object> job = http
            .exchange(
                    "/api/v1/reports/generate?type=PERFORMANCE&period=MONTHLY&from=2027-02-01&scope=DISTRICT&code="
                            + DISTRICT + "&format=CSV",
                    HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), Map.class)
            .getBody();
        String id = (String) job.get("id");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String status = jdbc.sql("select status from report_jobs where id = cast(:id as uuid)")
                .param("id", id)
                .query(String.class)
                .single();
            assertThat(status).isNotEqualTo("FAILED");
            return "READY".equals(status);
        });
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        long peak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long growthMb = (peak - before) / (1024 * 1024);

        Path file = Path.of(jdbc.sql("select file_path from report_jobs where id = cast(:id as uuid)")
            .param("id", id)
            .query(String.class)
            .single());
        long detailRows;
        try (Stream<String> lines = Files.lines(file)) {
            // each row of the CSV renderer begins with its table's name, then the school
            detailRows = lines.filter(l -> l.split(",", 3).length > 1 && l.split(",", 3)[1].startsWith("3399")).count();
        }
        System.out.printf("1,000,000-row export: %d s, file %d MB, old generation grew by at most %d MB%n", seconds,
                Files.size(file) / (1024 * 1024), growthMb);
        assertThat(detailRows).isEqualTo((long) SCHOOLS * DAYS);
        assertThat(growthMb).as("old generation growth while exporting, MB").isLessThan(BOUND_MB);
        Files.deleteIfExists(file);
    }

}
