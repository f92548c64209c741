package in.mdm.school.stock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;

/** Meals served take food out of the school's stock, in the transaction that stores the report. */
@Component
class MealConsumptionListener {

    private final StockService stock;

    MealConsumptionListener(StockService stock) {
        this.stock = stock;
    }

    @EventListener
    void on(DailyMealReported report) {
        if (report.mealsServed() > 0 || report.noMealReason() != null) {
            stock.consume(report.udiseCode(), report.date(), report.attendancePrimary(), report.attendanceUpperPrimary(),
                    report.mealsServed());
        }
    }
}
