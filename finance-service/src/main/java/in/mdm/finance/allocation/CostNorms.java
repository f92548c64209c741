package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cooking-cost norms that apply to an academic year: the rate per child per school day for primary and
 * upper primary (rupees), the school days and the centre's share in percent.
 */
record CostNorms(BigDecimal ratePrimary, BigDecimal rateUpperPrimary, int schoolDays, BigDecimal centreSharePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A school's yearly amount and its split; the two shares always add up to the amount to the paisa. */
    record Split(BigDecimal amount, BigDecimal centreShare, BigDecimal stateShare) {
    }

    Split allocate(int primary, int upperPrimary) {
        BigDecimal days = BigDecimal.valueOf(schoolDays);
        BigDecimal amount = BigDecimal.valueOf(primary).multiply(ratePrimary).multiply(days)
                .add(BigDecimal.valueOf(upperPrimary).multiply(rateUpperPrimary).multiply(days))
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal centre = centreShare(amount);
        return new Split(amount, centre, amount.subtract(centre));
    }

    /** The centre's part of an amount, rounded half-even to the paisa. */
    BigDecimal centreShare(BigDecimal amount) {
        return amount.multiply(centreSharePercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
    }
}
