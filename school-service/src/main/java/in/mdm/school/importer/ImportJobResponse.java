package in.mdm.school.importer;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job; {@code rejectsUrl} is the CSV of rejected rows, once the job has
 * finished.
 */
public record ImportJobResponse(UUID id, ImportStatus status, String fileName, String academicYear,
        boolean createMissingBlocks, int rowsRead, int inserted, int updated, int unchanged, int rejected, int progress,
        String error, Instant createdAt, Instant startedAt, Instant finishedAt, String rejectsUrl) {
}
