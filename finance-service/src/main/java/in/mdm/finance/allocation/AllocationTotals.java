package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The allocations of an academic year in an area (or written by one calculation): how
 * many, and their rupee sums.
 */
record AllocationTotals(String academicYear, int schools, BigDecimal total, BigDecimal centreShare,
        BigDecimal stateShare) {

    /**
     * Sums of rupee amounts, to the paisa (never rounded: a sum of paise has no more
     * decimals).
     */
    AllocationTotals {
        total = rupees(total);
        centreShare = rupees(centreShare);
        stateShare = rupees(stateShare);
    }

    private static BigDecimal rupees(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
