package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The pending-release dashboard: per approval level, how many releases wait, for how
 * much, since when.
 */
public record PendingLevelResponse(ApprovalLevel level, long releases, BigDecimal amount, Instant oldestRequestedAt) {

    static PendingLevelResponse of(PendingReleases p) {
        return new PendingLevelResponse(p.level(), p.releases(), p.amount(), p.oldestRequestedAt());
    }
}
