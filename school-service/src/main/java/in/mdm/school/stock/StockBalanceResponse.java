package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A school's stock of a commodity, how many days it lasts at the school's daily need, and
 * its status.
 */
public record StockBalanceResponse(String udiseCode, Commodity commodity, BigDecimal quantityKg, BigDecimal dailyNeedKg,
        BigDecimal daysOfStock, StockStatus status, Instant updatedAt) {
}
