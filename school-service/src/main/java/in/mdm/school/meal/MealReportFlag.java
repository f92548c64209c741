package in.mdm.school.meal;

/**
 * A data-quality warning on a stored report (in {@code meal_reports.flags} by name); a
 * flagged report is still accepted.
 */
public enum MealReportFlag {

    /** More meals than children enrolled in the academic year. */
    MEALS_EXCEED_ENROLLMENT,
    /** More meals than children present. */
    MEALS_EXCEED_ATTENDANCE,
    /**
     * Attendance more than 1.5 times the highest or under half the lowest of the school's
     * last 30 meal days (once it has 5).
     */
    ATTENDANCE_OUTLIER,
    /** Meals on a state or district holiday. */
    HOLIDAY_REPORT

}
