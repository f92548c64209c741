package in.mdm.school.supply;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A supplier and, optionally, the schools and kitchens it serves. */
public record SupplierRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,30}",
                message = "must be 2-30 letters, digits, '.', '_' or '-'") String code,
        @NotBlank @Size(max = 200) String name, @NotNull SupplierKind kind,
        @Pattern(regexp = "\\+?[0-9]{10,13}", message = "must be a phone number") String phone,
        @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @Size(max = 5000) List<@NotNull @Pattern(regexp = "[0-9]{11}",
                message = "must be an 11-digit UDISE code") String> servesSchools,
        @Size(max = 1000) List<@NotNull UUID> servesKitchens) {
}
