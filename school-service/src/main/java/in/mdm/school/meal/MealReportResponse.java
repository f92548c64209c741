package in.mdm.school.meal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored report. {@code flags} are data-quality warnings ({@link MealReportFlag}). */
public record MealReportResponse(UUID id, UUID clientReportId, String udiseCode, LocalDate date, int attendancePrimary,
        int attendanceUpperPrimary, int mealsServed, NoMealReason noMealReason, ReportChannel channel,
        String reportedBy, Instant receivedAt, List<MealReportFlag> flags, boolean corrected) {
}
