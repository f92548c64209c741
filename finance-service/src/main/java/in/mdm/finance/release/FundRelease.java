package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.finance.allocation.ReleasableAllocation;

/**
 * A release of part of a school's allocation, as stored: what was requested (kind,
 * quarter, tranche, the percent of it released, the amount), where it stands
 * ({@code pendingLevel} is the level whose approval it waits for while it is pending),
 * the decision and the treasury's credit, and the approvals given so far.
 */
record FundRelease(UUID id, UUID allocationId, String udiseCode, String academicYear, String districtCode,
        String blockCode, ReleaseKind kind, Integer quarter, BigDecimal trancheAmount, BigDecimal releasePercent,
        BigDecimal amount, ReleaseStatus status, ApprovalLevel pendingLevel, String reason, String requestedBy,
        Instant requestedAt, String rejectedBy, String rejectionReason, Instant decidedAt, Instant releasedAt,
        Instant creditedAt, String treasuryReference, List<Approval> approvals) {

    /** One level's approval. */
    record Approval(ApprovalLevel level, String approvedBy, Instant approvedAt) {
    }

    FundRelease {
        approvals = List.copyOf(approvals);
    }

    /** A new request of an allocation, pending the first level's approval. */
    static FundRelease requested(UUID id, ReleasableAllocation allocation, ReleaseKind kind, Integer quarter,
            BigDecimal trancheAmount, BigDecimal releasePercent, BigDecimal amount, String reason, String requestedBy,
            Instant requestedAt) {
        return new FundRelease(id, allocation.id(), allocation.udiseCode(), allocation.academicYear(),
                allocation.districtCode(), allocation.blockCode(), kind, quarter, trancheAmount, releasePercent, amount,
                ReleaseStatus.PENDING, ApprovalLevel.first(), reason, requestedBy, requestedAt, null, null, null, null,
                null, null, List.of());
    }

    boolean isPending() {
        return status == ReleaseStatus.PENDING;
    }

    /** Whether the level has approved the release already. */
    boolean approvedBy(ApprovalLevel level) {
        return approvals.stream().anyMatch(a -> a.level() == level);
    }

    FundRelease withApprovals(List<Approval> list) {
        return new FundRelease(id, allocationId, udiseCode, academicYear, districtCode, blockCode, kind, quarter,
                trancheAmount, releasePercent, amount, status, pendingLevel, reason, requestedBy, requestedAt,
                rejectedBy, rejectionReason, decidedAt, releasedAt, creditedAt, treasuryReference, list);
    }
}
