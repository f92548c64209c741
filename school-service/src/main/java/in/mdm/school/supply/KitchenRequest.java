package in.mdm.school.supply;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A centralised kitchen that cooks for many schools. {@code schools}, when given, are the
 * UDISE codes of the schools it cooks for (replacing the list it had): their meals draw
 * its stock.
 */
public record KitchenRequest(@NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
        @Size(max = 300) String address, @Min(1) @Max(1_000_000) Integer capacityMeals,
        @Size(max = 1000) List<@NotNull @Pattern(regexp = "[0-9]{11}",
                message = "must be an 11-digit UDISE code") String> schools) {
}
