package in.mdm.school.stock;

import java.math.BigDecimal;

/**
 * Stock status as OpenLMIS/DHIS2 practice: out at zero, low under a minimum of days, over
 * above a maximum.
 */
public enum StockStatus {

    STOCK_OUT, LOW, ADEQUATE, OVER_STOCKED;

    /**
     * @param daysOfStock days the stock lasts at the school's daily need; {@code null}
     * when the need is unknown or zero (then only an empty stock counts as out)
     */
    public static StockStatus of(BigDecimal quantityKg, BigDecimal daysOfStock, int lowDays, int overDays) {
        if (quantityKg.signum() <= 0) {
            return STOCK_OUT;
        }
        if (daysOfStock == null) {
            return ADEQUATE;
        }
        if (daysOfStock.compareTo(BigDecimal.valueOf(lowDays)) < 0) {
            return LOW;
        }
        if (daysOfStock.compareTo(BigDecimal.valueOf(overDays)) > 0) {
            return OVER_STOCKED;
        }
        return ADEQUATE;
    }

    /**
     * Whether moving from {@code before} to this status is a crossing into low or out
     * (StockLow).
     */
    public boolean crossedDownFrom(StockStatus before) {
        return switch (this) {
            case STOCK_OUT -> before != STOCK_OUT;
            case LOW -> before == ADEQUATE || before == OVER_STOCKED;
            default -> false;
        };
    }

}
