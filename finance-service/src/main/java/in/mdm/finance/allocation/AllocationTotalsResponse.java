package in.mdm.finance.allocation;

import java.math.BigDecimal;

/**
 * The allocations of an academic year in an area: the number of schools and the rupee
 * totals (two decimals).
 */
public record AllocationTotalsResponse(String academicYear, int schools, BigDecimal total, BigDecimal centreShare,
        BigDecimal stateShare) {

    static AllocationTotalsResponse of(AllocationTotals t) {
        return new AllocationTotalsResponse(t.academicYear(), t.schools(), t.total(), t.centreShare(), t.stateShare());
    }
}
