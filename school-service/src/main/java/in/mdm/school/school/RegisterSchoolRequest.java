package in.mdm.school.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new school for the register. */
public record RegisterSchoolRequest(
        @NotNull @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
        @NotNull SchoolCategory category,
        @NotNull Management management,
        @NotNull RuralUrban ruralUrban) {
}
