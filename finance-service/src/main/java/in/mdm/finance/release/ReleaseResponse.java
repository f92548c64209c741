package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fund release with its approvals so far; {@code pendingLevel} is the level whose
 * approval it waits for.
 */
public record ReleaseResponse(UUID releaseId, UUID allocationId, String udiseCode, String academicYear,
        String districtCode, String blockCode, ReleaseKind kind, Integer quarter, BigDecimal trancheAmount,
        BigDecimal releasePercent, BigDecimal amount, ReleaseStatus status, ApprovalLevel pendingLevel, String reason,
        String requestedBy, Instant requestedAt, String rejectedBy, String rejectionReason, Instant decidedAt,
        Instant releasedAt, Instant creditedAt, String treasuryReference, List<Approval> approvals) {

    public record Approval(ApprovalLevel level, String approvedBy, Instant approvedAt) {

        static Approval of(FundRelease.Approval a) {
            return new Approval(a.level(), a.approvedBy(), a.approvedAt());
        }
    }

    static ReleaseResponse of(FundRelease r) {
        return new ReleaseResponse(r.id(), r.allocationId(), r.udiseCode(), r.academicYear(), r.districtCode(),
                r.blockCode(), r.kind(), r.quarter(), r.trancheAmount(), r.releasePercent(), r.amount(), r.status(),
                r.pendingLevel(), r.reason(), r.requestedBy(), r.requestedAt(), r.rejectedBy(), r.rejectionReason(),
                r.decidedAt(), r.releasedAt(), r.creditedAt(), r.treasuryReference(),
                r.approvals().stream().map(Approval::of).toList());
    }
}
