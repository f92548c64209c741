package in.mdm.finance.release;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Release arithmetic, exact to the paisa. A quarter's tranche is the difference of
 * cumulative shares rounded half-even, tranche(q) = round(A × p × q) − round(A × p × (q −
 * 1)), so the four 25 % tranches of an allocation always add up to it (1 000.03 → 250.01
 * + 250.01 + 250.00 + 250.01). The release is the tranche less the hold-back:
 * round(tranche × release % / 100).
 */
final class Tranches {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Tranches() {
    }

    static BigDecimal tranche(BigDecimal allocation, BigDecimal tranchePercent, int quarter) {
        return cumulative(allocation, tranchePercent, quarter)
            .subtract(cumulative(allocation, tranchePercent, quarter - 1));
    }

    static BigDecimal release(BigDecimal tranche, BigDecimal releasePercent) {
        return tranche.multiply(releasePercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cumulative(BigDecimal allocation, BigDecimal tranchePercent, int quarters) {
        BigDecimal share = tranchePercent.multiply(BigDecimal.valueOf(quarters)).min(HUNDRED);
        return allocation.multiply(share).divide(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
    }

}
