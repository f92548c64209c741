package in.mdm.finance.allocation;

import java.math.BigDecimal;

/** One school's allocation for an academic year; rupees with two decimals. */
public record SchoolAllocationResponse(String udiseCode, String academicYear, int enrolledPrimary, int enrolledUpperPrimary,
        BigDecimal ratePrimary, BigDecimal rateUpperPrimary, int schoolDays, BigDecimal amount, BigDecimal centreShare,
        BigDecimal stateShare) {
}
