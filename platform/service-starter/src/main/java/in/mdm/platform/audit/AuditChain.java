package in.mdm.platform.audit;

import java.util.List;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit chain: walks it from the anchor (where pruning left it) in batches,
 * in one repeatable-read snapshot so that appends and pruning meanwhile do not disturb
 * the walk, and reports the first sequence that does not hold. A row edited in place no
 * longer matches its hash; a row edited with its hash recomputed no longer matches the
 * next row's previous hash; a deleted row leaves a gap in the sequence; rows swapped
 * carry the wrong previous hashes; a deleted tail leaves the chain short of its head.
 */
public class AuditChain {

    static final int BATCH = 1_000;

    private final AuditTrailRepository repository;

    private final TransactionTemplate snapshot;

    private final int batch;

    AuditChain(AuditTrailRepository repository, PlatformTransactionManager transactions, int batch) {
        this.repository = repository;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.batch = batch;
    }

    public AuditVerification verify() {
        return snapshot.execute(status -> walk());
    }

    private AuditVerification walk() {
        AuditTrailRepository.Link anchor = repository.anchor();
        AuditTrailRepository.Link head = repository.head();
        long expected = anchor.seq() + 1;
        String previous = anchor.hash();
        long checked = 0;
        List<AuditRecord> rows;
        do {
            rows = repository.after(expected - 1, batch);
            for (AuditRecord row : rows) {
                if (row.seq() != expected) {
                    return AuditVerification.broken(checked, anchor.seq(), expected - 1, expected,
                            "sequence " + expected + " is missing (the next row is " + row.seq() + ")");
                }
                if (!row.previousHash().equals(previous)) {
                    return AuditVerification.broken(checked, anchor.seq(), expected - 1, row.seq(),
                            "its previous hash is not the hash of sequence " + (row.seq() - 1));
                }
                if (!row.expectedHash().equals(row.hash())) {
                    return AuditVerification.broken(checked, anchor.seq(), expected - 1, row.seq(),
                            "its content does not match its hash");
                }
                previous = row.hash();
                expected++;
                checked++;
            }
        }
        while (rows.size() == batch);
        long last = expected - 1;
        if (head.seq() > last) {
            return AuditVerification.broken(checked, anchor.seq(), last, expected, "sequences " + expected + " to "
                    + head.seq() + " are missing (the chain's head is at " + head.seq() + ")");
        }
        if (head.seq() < last) {
            return AuditVerification.broken(checked, anchor.seq(), last, head.seq() + 1,
                    "rows after the chain's head (" + head.seq() + ") were added");
        }
        if (!head.hash().equals(previous)) {
            return AuditVerification.broken(checked, anchor.seq(), last, last,
                    "the chain's head does not carry the hash of its last row");
        }
        return AuditVerification.intact(checked, anchor.seq(), last);
    }

}
