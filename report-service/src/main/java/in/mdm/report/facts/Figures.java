package in.mdm.report.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the read models answer, as plain figures for the templates and the KPIs. */
public final class Figures {

    private Figures() {
    }

    /**
     * A child area's performance over a period (a district of the state, a block of a
     * district, a school of a block).
     *
     * @param area its code
     * @param name a school's name (null for districts and blocks, known by code)
     * @param schools schools known in it
     * @param enrolled children enrolled in the academic year the period ends in
     * @param reports school days reported
     * @param timely of them, first reported by the end of the day (Asia/Kolkata)
     * @param attendance children present, summed over reported days
     * @param enrolledDays enrollment summed over reported days (the attendance rate's
     * denominator)
     * @param meals meals served
     * @param noMealDays reported days with no meal served
     */
    public record AreaPerformance(String area, String name, long schools, long enrolled, long reports, long timely,
            long attendance, long enrolledDays, long meals, long noMealDays) {

        public AreaPerformance plus(AreaPerformance o) {
            return new AreaPerformance(area, name, schools + o.schools, enrolled + o.enrolled, reports + o.reports,
                    timely + o.timely, attendance + o.attendance, enrolledDays + o.enrolledDays, meals + o.meals,
                    noMealDays + o.noMealDays);
        }

    }

    /** A label and a count. */
    public record Count(String key, long count) {
    }

    /** One day of a trend. */
    public record DayTrend(LocalDate day, long attendance, long enrolledDays, long meals, long reports) {
    }

    /** A child area's money over a period, rupees. */
    public record AreaMoney(String area, BigDecimal allocated, BigDecimal released, BigDecimal utilized) {
    }

    /** An amount by a key (an expense category). */
    public record Amount(String key, BigDecimal amount) {
    }

    /** A child area's risk: schools scored and how many at each level, mean score. */
    public record AreaRisk(String area, long scored, long critical, long high, long medium, long low,
            double meanScore) {
    }

    /** A school's latest risk in the period. */
    public record SchoolRisk(String udise, String name, String area, LocalDate day, double score, String level) {
    }

    /**
     * Supply over a period: school days of stock counted, of them out of stock, and late
     * deliveries.
     */
    public record Supply(long stockDays, long stockOutDays, long lowDays, long deliveriesLate, double meanDaysLate) {
    }

    /** Deliveries received in a period, and how many by their promised date. */
    public record Deliveries(long received, long onTime) {
    }

    /** Inspections recorded in a period and their mean score (null when none). */
    public record Scores(long inspections, Double meanScore) {
    }

}
