package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One school's allocation for an academic year; rupees with two decimals. {@code amount} = the calculated amount plus
 * the adjustment, never below {@code released}.
 */
public record SchoolAllocationResponse(UUID allocationId, String udiseCode, String academicYear, String districtCode,
        String blockCode, int enrolledPrimary, int enrolledUpperPrimary, BigDecimal ratePrimary, BigDecimal rateUpperPrimary,
        int schoolDaysPrimary, int schoolDaysUpperPrimary, BigDecimal centreSharePercent, BigDecimal calculatedAmount,
        BigDecimal adjustment, BigDecimal amount, BigDecimal centreShare, BigDecimal stateShare, BigDecimal released,
        Instant calculatedAt, Instant adjustedAt) {
}
