package in.mdm.school.meal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An officer's correction of a report: the new figures and why. */
public record CorrectionRequest(
        @NotNull @Min(0) @Max(20000) Integer attendancePrimary,
        @NotNull @Min(0) @Max(20000) Integer attendanceUpperPrimary,
        @NotNull @Min(0) @Max(40000) Integer mealsServed,
        @Pattern(regexp = "NO_STOCK|NO_COOK|NO_FUNDS|HOLIDAY|OTHER", message = "must be one of NO_STOCK, NO_COOK, NO_FUNDS, HOLIDAY, OTHER") String noMealReason,
        @NotBlank @Size(max = 500) String reason) {
}
