package in.mdm.school.meal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A school holiday, state-wide or (with a district) for one district. */
public record HolidayRequest(@NotNull LocalDate date,
        @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @NotBlank @Size(max = 200) String name) {
}
