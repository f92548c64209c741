package in.mdm.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.testkit.MdmIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention moves the oldest rows to the archive in batches and anchors the kept chain at
 * the last one moved: the chain still verifies from there, tampering with a kept row is
 * still found, and a row that does not verify is never archived away.
 */
@MdmIntegrationTest
class AuditRetentionIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.application.name", () -> "probe-service");
        registry.add("mdm.service.schema", () -> "probe_audit_retention");
        registry.add("mdm.audit.batch-size", () -> "7");
    }

    @Autowired
    AuditProbeApplication.ProbeNames names;

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldRowsMoveToTheArchiveAndTheKeptChainStillVerifiesAndStillShowsTampering() throws Exception {
        long anchorBefore = jdbc.sql("select seq from audit_trail_anchor").query(Long.class).single();
        long archivedBefore = jdbc.sql("select count(*) from audit_trail_archive").query(Long.class).single();
        for (int i = 0; i < 30; i++) {
            names.rename("339922%05d".formatted(i), "Old " + i, false);
        }
        Thread.sleep(5);
        Instant horizon = now();
        Thread.sleep(5);
        for (int i = 30; i < 40; i++) {
            names.rename("339922%05d".formatted(i), "Recent " + i, false);
        }
        long lastOld = jdbc.sql("select max(seq) from audit_trail where occurred_at < ?")
            .param(OffsetDateTime.ofInstant(horizon, java.time.ZoneOffset.UTC))
            .query(Long.class)
            .single();
        long kept = jdbc.sql("select count(*) from audit_trail where seq > ?")
            .param(lastOld)
            .query(Long.class)
            .single();

        long moved = retention.archiveOlderThan(horizon);

        assertThat(moved).as("in batches of 7").isEqualTo(lastOld - anchorBefore).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("select count(*) from audit_trail_archive").query(Long.class).single())
            .isEqualTo(archivedBefore + moved);
        assertThat(jdbc.sql("select count(*) from audit_trail").query(Long.class).single()).isEqualTo(kept);
        assertThat(jdbc.sql("select min(seq) from audit_trail").query(Long.class).single()).isEqualTo(lastOld + 1);
        assertThat(jdbc.sql("select seq from audit_trail_anchor").query(Long.class).single()).isEqualTo(lastOld);
        assertThat(jdbc.sql("select hash from audit_trail_anchor").query(String.class).single())
            .isEqualTo(jdbc.sql("select hash from audit_trail_archive where seq = ?")
                .param(lastOld)
                .query(String.class)
                .single());

        AuditVerification afterPruning = chain.verify();
        assertThat(afterPruning.intact()).as(afterPruning.toString()).isTrue();
        assertThat(afterPruning.anchorSeq()).isEqualTo(lastOld);
        assertThat(afterPruning.checked()).isEqualTo(kept);
        assertThat(retention.archiveOlderThan(horizon)).as("nothing more to move").isZero();

        long tampered = lastOld + 3;
        String after = jdbc.sql("select after from audit_trail where seq = ?")
            .param(tampered)
            .query(String.class)
            .single();
        jdbc.sql("update audit_trail set after = replace(after, 'Recent', 'Forged') where seq = ?")
            .param(tampered)
            .update();
        AuditVerification broken = chain.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(tampered);
        jdbc.sql("update audit_trail set after = ? where seq = ?").params(after, tampered).update();

        jdbc.sql("update audit_trail_anchor set hash = repeat('f', 64)").update();
        AuditVerification badAnchor = chain.verify();
        assertThat(badAnchor.intact()).as("an anchor that is not the last archived row's").isFalse();
        assertThat(badAnchor.brokenAt()).isEqualTo(lastOld + 1);
        jdbc.sql("update audit_trail_anchor set hash = (select hash from audit_trail_archive where seq = ?)")
            .param(lastOld)
            .update();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRowThatDoesNotVerifyIsNeverArchivedAway() throws Exception {
        names.rename("33992300001", "Old and honest", false);
        names.rename("33992300002", "Old and forged", false);
        long forged = jdbc.sql("select max(seq) from audit_trail").query(Long.class).single();
        names.rename("33992300003", "Old after it", false);
        Thread.sleep(5);
        Instant horizon = now();
        jdbc.sql("update audit_trail set after = replace(after, 'forged', 'fine') where seq = ?")
            .param(forged)
            .update();
        try {
            retention.archiveOlderThan(horizon);

            assertThat(jdbc.sql("select seq from audit_trail_anchor").query(Long.class).single())
                .as("archived up to the row before the forged one")
                .isEqualTo(forged - 1);
            assertThat(
                    jdbc.sql("select count(*) from audit_trail where seq = ?").param(forged).query(Long.class).single())
                .isEqualTo(1L);
            assertThat(chain.verify().brokenAt()).isEqualTo(forged);
        }
        finally {
            jdbc.sql("update audit_trail set after = replace(after, 'fine', 'forged') where seq = ?")
                .param(forged)
                .update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    private Instant now() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
    }

}
