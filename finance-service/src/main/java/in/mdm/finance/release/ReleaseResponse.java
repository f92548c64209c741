package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fund release with its approvals so far; {@code pendingLevel} is the level whose approval it waits for. */
public record ReleaseResponse(UUID releaseId, UUID allocationId, String udiseCode, String academicYear, String districtCode,
        String blockCode, String kind, Integer quarter, BigDecimal trancheAmount, BigDecimal releasePercent,
        BigDecimal amount, String status, String pendingLevel, String reason, String requestedBy, Instant requestedAt,
        String rejectedBy, String rejectionReason, Instant decidedAt, Instant releasedAt, Instant creditedAt,
        String treasuryReference, List<Approval> approvals) {

    public record Approval(String level, String approvedBy, Instant approvedAt) {
    }

    ReleaseResponse withApprovals(List<Approval> list) {
        return new ReleaseResponse(releaseId, allocationId, udiseCode, academicYear, districtCode, blockCode, kind, quarter,
                trancheAmount, releasePercent, amount, status, pendingLevel, reason, requestedBy, requestedAt, rejectedBy,
                rejectionReason, decidedAt, releasedAt, creditedAt, treasuryReference, list);
    }
}
