package in.mdm.school.meal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Reports an offline phone or web client kept, sent at once (up to 500, e.g. a week of a
 * block's schools).
 */
public record BatchRequest(@NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid MealReportRequest> reports) {
}
