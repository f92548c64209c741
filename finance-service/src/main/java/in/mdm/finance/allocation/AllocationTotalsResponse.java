package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The allocations of an academic year in an area: the number of schools and the rupee totals (two decimals). */
public record AllocationTotalsResponse(String academicYear, int schools, BigDecimal total, BigDecimal centreShare,
        BigDecimal stateShare) {

    static AllocationTotalsResponse of(String academicYear, AllocationRepository.Totals totals) {
        return new AllocationTotalsResponse(academicYear, totals.schools(), rupees(totals.total()),
                rupees(totals.centreShare()), rupees(totals.stateShare()));
    }

    private static BigDecimal rupees(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
