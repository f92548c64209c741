package in.mdm.school.school;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
        @NotNull SchoolCategory category, @NotNull Management management, @NotNull RuralUrban ruralUrban,
        @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit PIN code") String pincode,
        @DecimalMin("6.0") @DecimalMax("38.0") BigDecimal latitude,
        @DecimalMin("68.0") @DecimalMax("98.0") BigDecimal longitude, @Size(max = 120) String headmasterName,
        @Pattern(regexp = "\\+?[0-9]{10,13}", message = "must be a phone number") String headmasterPhone,
        UUID kitchenId) {

    SchoolDetails details() {
        return new SchoolDetails(name.strip(), districtCode, blockCode, category, management, ruralUrban, pincode,
                latitude, longitude, headmasterName, headmasterPhone, kitchenId);
    }
}
