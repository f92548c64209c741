package in.mdm.school.school;

import java.time.Instant;

public record EnrollmentResponse(String udiseCode, String academicYear, int primary, int upperPrimary,
        Instant updatedAt) {
}
