package in.mdm.school.meal;

import java.time.Instant;
import java.util.UUID;

/**
 * A bulk meal report job: its progress (0-100, by bytes read), the rows read and what
 * became of them, and once it has finished the CSV of rejected rows.
 */
public record MealBulkJobResponse(UUID id, MealBulkStatus status, String fileName, MealBulkFormat format,
        ReportChannel channel, String requestedBy, int rowsRead, int created, int duplicates, int rejected,
        int progress, String error, Instant createdAt, Instant startedAt, Instant finishedAt, String rejectsUrl) {
}
