package in.mdm.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the audit chain to its retention ({@code mdm.audit.retention}, 7 years): once a
 * night, on one replica, it moves the oldest rows past the horizon to
 * {@code audit_trail_archive} in batches, and makes the last row moved the anchor, so
 * that a verification starts from it and the kept chain still verifies. Only rows that
 * verify themselves are moved: a break in the old part of the chain stays where it can be
 * seen, and the job stops there and says so.
 */
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditTrailRepository repository;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final Period retention;

    private final int batch;

    AuditRetention(AuditTrailRepository repository, TransactionTemplate transactions, Clock clock, Period retention,
            int batch) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        this.batch = batch;
    }

    @Scheduled(cron = "${mdm.audit.retention-cron:0 30 2 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "platform.audit.retention", lockAtMostFor = "PT2H")
    public void run() {
        Instant horizon = ZonedDateTime.now(clock).minus(retention).toInstant();
        long moved = archiveOlderThan(horizon);
        if (moved > 0) {
            log.info("Audit trail: moved {} rows older than {} to the archive", moved, horizon);
        }
    }

    /**
     * Moves every row older than {@code horizon}, a batch at a time; returns how many.
     */
    long archiveOlderThan(Instant horizon) {
        long total = 0;
        int moved;
        do {
            Integer batchMoved = transactions.execute(status -> archiveBatch(horizon));
            moved = batchMoved == null ? 0 : batchMoved;
            total += moved;
        }
        while (moved == batch);
        return total;
    }

    private int archiveBatch(Instant horizon) {
        AuditTrailRepository.Link anchor = repository.lockAnchor();
        List<AuditRecord> rows = repository.after(anchor.seq(), batch);
        long expected = anchor.seq() + 1;
        String previous = anchor.hash();
        AuditRecord last = null;
        for (AuditRecord row : rows) {
            if (!row.occurredAt().isBefore(horizon)) {
                break;
            }
            if (row.seq() != expected || !row.previousHash().equals(previous)
                    || !row.expectedHash().equals(row.hash())) {
                log.error("Audit trail: sequence {} does not verify; nothing from there on is archived", expected);
                break;
            }
            last = row;
            previous = row.hash();
            expected++;
        }
        if (last == null) {
            return 0;
        }
        return repository.archive(anchor.seq() + 1, last.seq(), new AuditTrailRepository.Link(last.seq(), last.hash()),
                clock.instant());
    }

}
