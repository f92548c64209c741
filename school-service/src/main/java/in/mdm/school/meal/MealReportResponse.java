package in.mdm.school.meal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored report. {@code flags} are data-quality warnings: MEALS_EXCEED_ENROLLMENT, MEALS_EXCEED_ATTENDANCE,
 * ATTENDANCE_OUTLIER (far outside the school's own recent range), HOLIDAY_REPORT.
 */
public record MealReportResponse(UUID id, UUID clientReportId, String udiseCode, LocalDate date, int attendancePrimary,
        int attendanceUpperPrimary, int mealsServed, String noMealReason, String channel, String reportedBy,
        Instant receivedAt, List<String> flags, boolean corrected) {
}
