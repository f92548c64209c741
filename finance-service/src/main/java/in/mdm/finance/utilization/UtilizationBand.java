package in.mdm.finance.utilization;

import java.math.BigDecimal;

/**
 * Where a school's utilization lies against the band of released funds it should spend
 * (96-100 % by default): within, below or above it, or nowhere when nothing has been
 * released.
 */
public enum UtilizationBand {

    WITHIN, BELOW, ABOVE, NO_RELEASE;

    /** The band of a utilized percent of released ({@code null}: nothing released). */
    static UtilizationBand of(BigDecimal utilizedPercent, BigDecimal low, BigDecimal high) {
        if (utilizedPercent == null) {
            return NO_RELEASE;
        }
        return utilizedPercent.compareTo(low) < 0 ? BELOW : utilizedPercent.compareTo(high) > 0 ? ABOVE : WITHIN;
    }

    /**
     * Whether a school in this band is flagged: outside the band, except with nothing
     * released and nothing spent.
     */
    boolean flagged(BigDecimal utilized) {
        return this != WITHIN && !(this == NO_RELEASE && utilized.signum() == 0);
    }

}
