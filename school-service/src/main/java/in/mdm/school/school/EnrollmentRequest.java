package in.mdm.school.school;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A school's enrollment for one academic year. */
public record EnrollmentRequest(@NotNull @Min(0) @Max(20000) Integer primary,
        @NotNull @Min(0) @Max(20000) Integer upperPrimary) {
}
