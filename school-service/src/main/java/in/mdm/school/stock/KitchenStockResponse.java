package in.mdm.school.stock;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A kitchen's stock of a commodity, how many days it lasts for the schools it serves, and
 * its status.
 */
public record KitchenStockResponse(UUID kitchenId, Commodity commodity, BigDecimal quantityKg, BigDecimal dailyNeedKg,
        BigDecimal daysOfStock, StockStatus status) {
}
