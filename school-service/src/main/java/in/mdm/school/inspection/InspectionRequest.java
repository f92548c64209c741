package in.mdm.school.inspection;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An inspection of a school's midday meal: findings, a score (0-100) and the next due
 * date.
 */
public record InspectionRequest(
        @NotNull @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
        @NotNull LocalDate inspectedOn, @NotNull @Min(0) @Max(100) Integer score, @NotNull LocalDate nextDueOn,
        @Size(max = 1000) String remarks, @NotNull @Size(max = 50) List<@NotNull @Valid Finding> findings) {

    public record Finding(@NotNull @Pattern(
            regexp = "HYGIENE|FOOD_QUALITY|QUANTITY|STOCK|RECORDS|INFRASTRUCTURE|STAFF|OTHER",
            message = "must be one of HYGIENE, FOOD_QUALITY, QUANTITY, STOCK, RECORDS, INFRASTRUCTURE, STAFF, OTHER") String category,
            @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "must be LOW, MEDIUM or HIGH") String severity,
            @NotBlank @Size(max = 500) String note) {
    }
}
