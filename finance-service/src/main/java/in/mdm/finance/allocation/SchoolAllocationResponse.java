package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One school's allocation for an academic year; rupees with two decimals. {@code amount}
 * = the calculated amount plus the adjustment, never below {@code released}.
 */
public record SchoolAllocationResponse(UUID allocationId, String udiseCode, String academicYear, String districtCode,
        String blockCode, int enrolledPrimary, int enrolledUpperPrimary, BigDecimal ratePrimary,
        BigDecimal rateUpperPrimary, int schoolDaysPrimary, int schoolDaysUpperPrimary, BigDecimal centreSharePercent,
        BigDecimal calculatedAmount, BigDecimal adjustment, BigDecimal amount, BigDecimal centreShare,
        BigDecimal stateShare, BigDecimal released, Instant calculatedAt, Instant adjustedAt) {

    static SchoolAllocationResponse of(Allocation a) {
        return new SchoolAllocationResponse(a.id(), a.udiseCode(), a.academicYear(), a.districtCode(), a.blockCode(),
                a.enrolledPrimary(), a.enrolledUpperPrimary(), a.ratePrimary(), a.rateUpperPrimary(),
                a.schoolDaysPrimary(), a.schoolDaysUpperPrimary(), a.centreSharePercent(), a.calculatedAmount(),
                a.adjustment(), a.amount(), a.centreShare(), a.stateShare(), a.released(), a.calculatedAt(),
                a.adjustedAt());
    }
}
