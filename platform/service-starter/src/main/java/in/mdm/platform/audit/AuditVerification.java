package in.mdm.platform.audit;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact whether every kept row is where it belongs and carries its hash
 * @param checked how many rows were checked
 * @param anchorSeq the sequence the kept chain starts after (0 before any pruning)
 * @param lastSeq the last sequence checked
 * @param brokenAt the first sequence that does not verify, or {@code null}
 * @param reason why it does not verify, or {@code null}
 */
public record AuditVerification(boolean intact, long checked, long anchorSeq, long lastSeq, Long brokenAt,
        String reason) {

    static AuditVerification intact(long checked, long anchorSeq, long lastSeq) {
        return new AuditVerification(true, checked, anchorSeq, lastSeq, null, null);
    }

    static AuditVerification broken(long checked, long anchorSeq, long lastSeq, long brokenAt, String reason) {
        return new AuditVerification(false, checked, anchorSeq, lastSeq, brokenAt, reason);
    }

}
