package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cooking-cost norms that apply to an academic year: the rate per child per school
 * day (rupees) and the school days, for primary and upper primary (they may differ, e.g.
 * Tamil Nadu's 220 / 207 days), and the centre's share in percent.
 */
record CostNorms(BigDecimal ratePrimary, BigDecimal rateUpperPrimary, int schoolDaysPrimary, int schoolDaysUpperPrimary,
        BigDecimal centreSharePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A school's yearly amount and its split; the two shares always add up to the amount
     * to the paisa.
     */
    record Split(BigDecimal amount, BigDecimal centreShare, BigDecimal stateShare) {
    }

    CostNorms(BigDecimal ratePrimary, BigDecimal rateUpperPrimary, int schoolDays, BigDecimal centreSharePercent) {
        this(ratePrimary, rateUpperPrimary, schoolDays, schoolDays, centreSharePercent);
    }

    Split allocate(int primary, int upperPrimary) {
        BigDecimal amount = BigDecimal.valueOf(primary)
            .multiply(ratePrimary)
            .multiply(BigDecimal.valueOf(schoolDaysPrimary))
            .add(BigDecimal.valueOf(upperPrimary)
                .multiply(rateUpperPrimary)
                .multiply(BigDecimal.valueOf(schoolDaysUpperPrimary)))
            .setScale(2, RoundingMode.UNNECESSARY);
        return split(amount, centreSharePercent);
    }

    /** The centre's part of an amount, rounded half-even to the paisa. */
    BigDecimal centreShare(BigDecimal amount) {
        return centreShare(amount, centreSharePercent);
    }

    static BigDecimal centreShare(BigDecimal amount, BigDecimal centreSharePercent) {
        return amount.multiply(centreSharePercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * An amount split into the centre's share (half-even to the paisa) and the state's
     * (the rest).
     */
    static Split split(BigDecimal amount, BigDecimal centreSharePercent) {
        BigDecimal centre = centreShare(amount, centreSharePercent);
        return new Split(amount, centre, amount.subtract(centre));
    }
}
