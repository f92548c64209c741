package in.mdm.school.stock;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;

/**
 * Meals served take food out of stock, in the transaction that stores the report: the
 * school's own stock, or that of the centralised kitchen that cooks for it.
 */
@Component
class MealConsumptionListener {

    private final StockService stock;

    private final KitchenStockService kitchens;

    private final KitchenStockRepository kitchenStock;

    MealConsumptionListener(StockService stock, KitchenStockService kitchens, KitchenStockRepository kitchenStock) {
        this.stock = stock;
        this.kitchens = kitchens;
        this.kitchenStock = kitchenStock;
    }

    @EventListener
    void on(DailyMealReported report) {
        UUID kitchen = kitchenStock.kitchenOf(report.udiseCode()).orElse(null);
        int[] fed = StockService.fed(report.attendancePrimary(), report.attendanceUpperPrimary(), report.mealsServed());
        if (kitchen != null) {
            kitchens.consume(kitchen, report.udiseCode(), report.date(), fed[0], fed[1]);
        }
        else {
            stock.consume(report.udiseCode(), report.date(), report.attendancePrimary(),
                    report.attendanceUpperPrimary(), report.mealsServed());
        }
    }

}
