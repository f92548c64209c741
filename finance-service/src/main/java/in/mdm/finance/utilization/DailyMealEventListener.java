package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.math.RoundingMode;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Meals actually served, per school and day, from school-service's daily reports; each
 * event applied once, a later report of the same day replacing an earlier one.
 */
@Component
@EventConsumer(DailyMealEventListener.CONSUMER)
class DailyMealEventListener {

    static final String CONSUMER = "finance.daily-meals";

    private final UtilizationRepository utilization;

    DailyMealEventListener(UtilizationRepository utilization) {
        this.utilization = utilization;
    }

    @EventHandler
    void on(List<DailyMealReported> reports) {
        List<UtilizationRepository.Meals> meals = new ArrayList<>(reports.size());
        for (DailyMealReported report : reports) {
            int primary = primaryMeals(report.mealsServed(), report.attendancePrimary(),
                    report.attendanceUpperPrimary());
            meals.add(new UtilizationRepository.Meals(report.udiseCode(), report.date(), primary,
                    Math.max(0, report.mealsServed()) - primary, report.occurredAt()));
        }
        utilization.upsertMealsAll(meals);
    }

    /**
     * The primary children's part of the day's meals, in proportion to attendance,
     * rounded half-even to a whole meal (all of them when nobody's attendance was
     * reported).
     */
    static int primaryMeals(int meals, int attendancePrimary, int attendanceUpperPrimary) {
        int served = Math.max(0, meals);
        int present = Math.max(0, attendancePrimary) + Math.max(0, attendanceUpperPrimary);
        if (present == 0) {
            return served;
        }
        return BigDecimal.valueOf((long) served * Math.max(0, attendancePrimary))
            .divide(BigDecimal.valueOf(present), 0, RoundingMode.HALF_EVEN)
            .intValueExact();
    }

}
