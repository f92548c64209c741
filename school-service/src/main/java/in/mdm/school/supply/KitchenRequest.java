package in.mdm.school.supply;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A centralised kitchen that cooks for many schools. */
public record KitchenRequest(@NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @NotNull @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
        @Size(max = 300) String address, @Min(1) @Max(1_000_000) Integer capacityMeals) {
}
