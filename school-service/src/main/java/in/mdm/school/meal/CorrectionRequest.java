package in.mdm.school.meal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's correction of a report: the new figures and why. */
public record CorrectionRequest(@NotNull @Min(0) @Max(20000) Integer attendancePrimary,
        @NotNull @Min(0) @Max(20000) Integer attendanceUpperPrimary, @NotNull @Min(0) @Max(40000) Integer mealsServed,
        NoMealReason noMealReason, @NotBlank @Size(max = 500) String reason) {
}
