package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One school's allocation for an academic year, as stored: the enrollment, rates, days
 * and centre share it was calculated with, the calculated amount, the adjustment made by
 * hand, the amount (calculated plus adjustment, never below what has been released), its
 * split between centre and state, and the released sum.
 */
record Allocation(UUID id, String udiseCode, String academicYear, String districtCode, String blockCode,
        int enrolledPrimary, int enrolledUpperPrimary, BigDecimal ratePrimary, BigDecimal rateUpperPrimary,
        int schoolDaysPrimary, int schoolDaysUpperPrimary, BigDecimal centreSharePercent, BigDecimal calculatedAmount,
        BigDecimal adjustment, BigDecimal amount, BigDecimal centreShare, BigDecimal stateShare, BigDecimal released,
        Instant calculatedAt, Instant adjustedAt) {

    /** What the release workflow sees of it. */
    ReleasableAllocation releasable() {
        return new ReleasableAllocation(id, udiseCode, academicYear, districtCode, blockCode, amount, released);
    }
}
