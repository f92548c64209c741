package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The releases waiting for one level's approval: how many, for how much, and the oldest
 * request.
 */
record PendingReleases(ApprovalLevel level, long releases, BigDecimal amount, Instant oldestRequestedAt) {
}
