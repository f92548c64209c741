package in.mdm.report.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.PeriodKind;

/**
 * Figures for dashboards over a scope and period.
 *
 * @param riskDistribution schools by the level of their latest score in the period
 * @param utilization money of the period (allocations of its academic year)
 * @param attendanceTrend each reported day's attendance rate (0-1)
 * @param supplyChain stock and deliveries
 * @param inspections inspections overdue; {@code meanScore} is null: no event carries
 * inspection scores yet
 */
public record KpiResponse(Level scope, String code, PeriodKind period, LocalDate from, LocalDate to,
        Map<String, Long> riskDistribution, Utilization utilization, List<TrendPoint> attendanceTrend,
        SupplyChain supplyChain, Inspections inspections) {

    /** Rupees; {@code rate} is utilized / released (null when nothing was released). */
    public record Utilization(BigDecimal allocated, BigDecimal released, BigDecimal utilized, Double rate) {
    }

    public record TrendPoint(LocalDate day, Double attendanceRate, long mealsServed) {
    }

    /**
     * {@code stockOutShare}: school-days of stock counted that were out of stock;
     * {@code deliveriesLate} and their mean lateness in days (only late deliveries are
     * announced, so on-time ones are not counted here).
     */
    public record SupplyChain(long stockDaysCounted, long stockOutDays, long lowStockDays, Double stockOutShare,
            long deliveriesLate, double meanDaysLate, long deliveriesReceived, long deliveriesOnTime,
            Double onTimeShare) {
    }

    /** Meal quality: inspections recorded, their mean score (0-100; null when none). */
    public record Inspections(long overdue, long inspected, Double meanScore) {
    }

}
