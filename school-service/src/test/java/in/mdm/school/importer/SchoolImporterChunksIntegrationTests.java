package in.mdm.school.importer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.testkit.MdmIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The importer with small chunks (100 rows) and two writers, so that a file of about a
 * thousand rows goes through many chunks written at the same time: every row lands once
 * with its events, each chunk's events are published inside its transaction, a block the
 * file makes is committed before the chunks that name it, and a failed chunk leaves the
 * earlier ones in place for a re-import to complete.
 */
@MdmIntegrationTest
class SchoolImporterChunksIntegrationTests {

    @Autowired
    SchoolImportRepository rows;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    /**
     * Collects what the chunks publish, checking that each call comes inside a
     * transaction.
     */
    static final class Sink implements SchoolImporter.EventSink {

        final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

        final AtomicInteger calls = new AtomicInteger();

        final AtomicInteger outsideTransaction = new AtomicInteger();

        final int failOnCall;

        Sink(int failOnCall) {
            this.failOnCall = failOnCall;
        }

        @Override
        public void publish(List<DomainEvent> chunk) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                outsideTransaction.incrementAndGet();
            }
            if (calls.incrementAndGet() == failOnCall) {
                throw new IllegalStateException("the outbox refused the chunk");
            }
            events.addAll(chunk);
        }

    }

    SchoolImporter importer(Sink sink) {
        return new SchoolImporter(rows, transactions, sink, clock, 2, 100);
    }

    /** Tamil Nadu's blocks, as "district,block". */
    List<String> blocks() {
        return jdbc.sql("""
                select b.district_code || ',' || b.code from blocks b join districts d on d.code = b.district_code
                where d.state_code = '33' and b.source = 'LGD' order by 1""").query(String.class).list();
    }

    static byte[] file(List<String> rows) {
        return ("udise_code,school_name,district_code,block_code,block_name,category,management,enrollment_primary,"
                + "enrollment_upper_primary\n" + String.join("\n", rows) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    }

    ImportCounts run(SchoolImporter importer, byte[] file, boolean createMissingBlocks) throws Exception {
        return importer.run(UUID.randomUUID(), new ByteArrayInputStream(file),
                new ImportOptions("2026-27", createMissingBlocks), rows -> {
                });
    }

    long schools(String prefix) {
        return jdbc.sql("select count(*) from schools where udise_code like :p")
            .param("p", prefix + "%")
            .query(Long.class)
            .single();
    }

    @Test
    void aThousandRowsInChunksWrittenTwoAtATimeLandOnceWithTheirEventsAndAgainChangeNothing() throws Exception {
        List<String> blocks = blocks();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            String[] place = blocks.get(i % blocks.size()).split(",");
            rows.add("3371%07d,GPS Chunk %d,%s,%s,,Primary,Department of Education,%d,0".formatted(i, i, place[0],
                    place[1], 20 + i % 50));
        }
        Sink sink = new Sink(0);
        ImportCounts counts = run(importer(sink), file(rows), false);

        assertThat(counts.rowsRead()).isEqualTo(1_050);
        assertThat(counts.inserted()).isEqualTo(1_050);
        assertThat(counts.enrollmentsChanged()).isEqualTo(1_050);
        assertThat(counts.rejected()).isZero();
        assertThat(sink.calls.get()).as("one call per chunk").isEqualTo(11);
        assertThat(sink.outsideTransaction.get()).as("every chunk publishes inside its transaction").isZero();
        assertThat(sink.events.stream()
            .filter(SchoolRegistered.class::isInstance)
            .map(e -> ((SchoolRegistered) e).udiseCode())
            .distinct()
            .count()).isEqualTo(1_050);
        assertThat(sink.events.stream().filter(EnrollmentUpdated.class::isInstance).count()).isEqualTo(1_050);
        assertThat(sink.events).hasSize(2_100);
        assertThat(schools("3371")).isEqualTo(1_050);
        assertThat(jdbc.sql("select sum(primary_count) from enrollments where udise_code like '3371%'")
            .query(Long.class)
            .single()).isEqualTo(rows.stream().mapToLong(r -> Long.parseLong(r.split(",")[7])).sum());

        Sink again = new Sink(0);
        ImportCounts second = run(importer(again), file(rows), false);
        assertThat(second.unchanged()).isEqualTo(1_050);
        assertThat(second.inserted() + second.updated() + second.enrollmentsChanged()).isZero();
        assertThat(again.events).isEmpty();
    }

    @Test
    void aBlockTheFileMakesIsCommittedBeforeTheChunksThatNameIt() throws Exception {
        String[] place = blocks().get(0).split(",");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // from the 250th row on, a block LGD does not list, named in many later
            // chunks
            String block = i < 250 ? place[1] + "," : ",Chunkpatti Education Block";
            rows.add("3372%07d,GPS Made Block %d,%s,%s,Primary,Local body,30,0".formatted(i, i, place[0], block));
        }
        Sink sink = new Sink(0);
        ImportCounts counts = run(importer(sink), file(rows), true);

        assertThat(counts.inserted()).isEqualTo(600);
        assertThat(counts.rejected()).isZero();
        assertThat(
                jdbc.sql("select count(*) from blocks where district_code = :d and name = 'Chunkpatti Education Block'")
                    .param("d", place[0])
                    .query(Long.class)
                    .single())
            .isEqualTo(1L);
        assertThat(jdbc
            .sql("""
                    select count(*) from schools s join blocks b on b.district_code = s.district_code and b.code = s.block_code
                    where s.udise_code like '3372%' and b.name = 'Chunkpatti Education Block'""")
            .query(Long.class)
            .single()).isEqualTo(350L);
    }

    @Test
    void aChunkThatFailsStopsTheImportKeepsTheChunksBeforeItAndAReimportCompletesIt() throws Exception {
        List<String> blocks = blocks();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String[] place = blocks.get(i % blocks.size()).split(",");
            rows.add(
                    "3373%07d,GPS Failing %d,%s,%s,,Primary,Government Aided,40,0".formatted(i, i, place[0], place[1]));
        }
        Sink failing = new Sink(4);
        assertThatThrownBy(() -> run(importer(failing), file(rows), false))
            .hasMessageContaining("the outbox refused the chunk");

        long kept = schools("3373");
        assertThat(kept).as("whole chunks only: the failed chunk wrote nothing")
            .isLessThan(1_000)
            .isGreaterThanOrEqualTo(300)
            .matches(n -> n % 100 == 0, "a multiple of the chunk size");
        assertThat(failing.events.stream().filter(SchoolRegistered.class::isInstance).count())
            .as("events of the kept chunks only")
            .isEqualTo(kept);

        Sink completing = new Sink(0);
        ImportCounts counts = run(importer(completing), file(rows), false);
        assertThat(counts.inserted()).isEqualTo(1_000 - kept);
        assertThat(counts.unchanged()).isEqualTo(kept);
        assertThat(schools("3373")).isEqualTo(1_000);
    }

}
