package in.mdm.platform.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain on the real database: linear under concurrent appends, and every kind of
 * tampering by SQL found at its sequence: an edited row, an edited row with its hash
 * recomputed, a deleted row, a deleted tail, two rows swapped. Each test puts back what
 * it broke and sees the chain verify again.
 */
@MdmIntegrationTest
class AuditChainIntegrationTests {

    static final String SCHEMA = "probe_audit_chain";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-service");
        registry.add("mdm.service.schema", () -> SCHEMA);
        registry.add("mdm.audit.batch-size", () -> "64");
    }

    @Autowired
    AuditProbeApplication.ProbeNames names;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eightThreadsOfFiftyAppendsEachMakeOneLinearChain() throws Exception {
        long before = count();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String udise = "3399%02d%05d".formatted(thread, i);
                    if (i % 2 == 0) {
                        names.rename(udise, "Concurrent " + thread + "/" + i, false);
                    }
                    else {
                        trail.record(AuditEntry.created("probe.note", "probe", udise, "note " + i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(count() - before).isEqualTo(400);
        assertThat(jdbc.sql("select max(seq) - min(seq) + 1 = count(*) from audit_trail").query(Boolean.class).single())
            .as("no gaps and no duplicates")
            .isTrue();
        AuditVerification verification = chain.verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.checked()).isEqualTo(count());
    }

    @Test
    void aRolledBackChangeLeavesNoRowAndTheChainGoesOn() {
        long before = count();
        assertThatThrownBy(() -> names.rename("33991100001", "Rolled back", true))
            .hasMessageContaining("failure after recording");
        assertThat(count()).isEqualTo(before);
        names.rename("33991100001", "Kept", false);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRecordedChangeKeepsBeforeAndAfterAsJson() {
        names.rename("33991100002", "First", false);
        names.rename("33991100002", "Second", false);
        AuditRecord last = last();
        assertThat(last.action()).isEqualTo("probe.rename");
        assertThat(last.actor()).as("outside a request").isEqualTo("system");
        assertThat(last.entityType()).isEqualTo("probe");
        assertThat(last.entityId()).isEqualTo("33991100002");
        assertThat(last.before()).startsWith("{").contains("\"name\":\"First\"", "\"udiseCode\":\"33991100002\"");
        assertThat(last.after()).startsWith("{").contains("\"name\":\"Second\"", "\"udiseCode\":\"33991100002\"");
    }

    @Test
    void anEditedAfterIsFoundAtItsSequence() {
        names.rename("33991100003", "Honest", false);
        long seq = last().seq();
        names.rename("33991100004", "Later", false);
        String honest = after(seq);

        jdbc.sql("update audit_trail set after = replace(after, 'Honest', 'Forged') where seq = ?").param(seq).update();
        AuditVerification broken = chain.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(seq);
        assertThat(broken.reason()).contains("does not match its hash");

        jdbc.sql("update audit_trail set after = ? where seq = ?").params(honest, seq).update();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anEditWithItsHashRecomputedIsFoundAtTheNextRow() {
        names.rename("33991100005", "Honest", false);
        AuditRecord row = last();
        names.rename("33991100006", "Later", false);
        AuditRecord forged = new AuditRecord(row.seq(), row.occurredAt(), "someone.else", row.action(), row.method(),
                row.path(), row.status(), row.requestId(), row.entityType(), row.entityId(), row.before(), row.after(),
                row.previousHash(), null);
        String forgedHash = AuditRecord.hash(row.previousHash(), forged.canonical());

        jdbc.sql("update audit_trail set actor = 'someone.else', hash = ? where seq = ?")
            .params(forgedHash, row.seq())
            .update();
        AuditVerification broken = chain.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(row.seq() + 1);
        assertThat(broken.reason()).contains("previous hash");

        jdbc.sql("update audit_trail set actor = ?, hash = ? where seq = ?")
            .params(row.actor(), row.hash(), row.seq())
            .update();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsAGapAtItsSequence() {
        names.rename("33991100007", "To be deleted", false);
        long seq = last().seq();
        names.rename("33991100008", "After it", false);

        jdbc.sql("create temporary table kept_row as select * from audit_trail where seq = ?").param(seq).update();
        try {
            jdbc.sql("delete from audit_trail where seq = ?").param(seq).update();
            AuditVerification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(seq);
            assertThat(broken.reason()).contains("sequence " + seq + " is missing");
        }
        finally {
            jdbc.sql("insert into audit_trail select * from kept_row").update();
            jdbc.sql("drop table kept_row").update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDeletedTailIsFoundAgainstTheHead() {
        names.rename("33991100009", "Last", false);
        long seq = last().seq();

        jdbc.sql("create temporary table kept_tail as select * from audit_trail where seq = ?").param(seq).update();
        try {
            jdbc.sql("delete from audit_trail where seq = ?").param(seq).update();
            AuditVerification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(seq);
        }
        finally {
            jdbc.sql("insert into audit_trail select * from kept_tail").update();
            jdbc.sql("drop table kept_tail").update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void twoRowsSwappedAreFoundAtTheFirst() {
        names.rename("33991100010", "One", false);
        long first = last().seq();
        names.rename("33991100011", "Two", false);
        long second = last().seq();

        swap(first, second);
        try {
            AuditVerification broken = chain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(first);
        }
        finally {
            swap(first, second);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theCommandVerifiesTheChainFromTheDatabaseAndExitsOneWhenItIsBroken() {
        names.rename("33991100012", "Checked by the command", false);
        long seq = last().seq();
        String[] args = { "--jdbc-url", Infrastructure.postgres().jdbcUrl(), "--schema", SCHEMA, "--user",
                PostgresServer.USER, "--batch", "10" };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifyAuditChain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact");

        String after = after(seq);
        jdbc.sql("update audit_trail set after = '{}' where seq = ?").param(seq).update();
        try {
            out.reset();
            assertThat(VerifyAuditChain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at sequence " + seq);
        }
        finally {
            jdbc.sql("update audit_trail set after = ? where seq = ?").params(after, seq).update();
        }
        assertThat(VerifyAuditChain.run(new String[] { "--schema", SCHEMA }, System.out, System.err)).isEqualTo(2);
    }

    private void swap(long a, long b) {
        jdbc.sql("update audit_trail set seq = -1 where seq = ?").param(a).update();
        jdbc.sql("update audit_trail set seq = ? where seq = ?").params(a, b).update();
        jdbc.sql("update audit_trail set seq = ? where seq = -1").param(b).update();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_trail").query(Long.class).single();
    }

    private String after(long seq) {
        return jdbc.sql("select after from audit_trail where seq = ?").param(seq).query(String.class).single();
    }

    private AuditRecord last() {
        return jdbc.sql("select seq from audit_trail order by seq desc limit 1")
            .query(Long.class)
            .optional()
            .map(seq -> jdbc.sql("select * from audit_trail where seq = ?").param(seq).query((rs, n) -> {
                return new AuditRecord(rs.getLong("seq"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("method"), rs.getString("path"),
                        rs.getObject("status", Integer.class), rs.getString("request_id"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("before"), rs.getString("after"),
                        rs.getString("previous_hash"), rs.getString("hash"));
            }).single())
            .orElseThrow();
    }

}
