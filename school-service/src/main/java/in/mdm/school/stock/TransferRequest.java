package in.mdm.school.stock;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A transfer entered by hand between two sites, each a school (its 11-digit UDISE code)
 * or a centralised kitchen (its id).
 *
 * @param clientReference optional, the client's own reference: the same request again
 * answers the transfer it made
 */
public record TransferRequest(@NotBlank @Pattern(regexp = SITE, message = SITE_MESSAGE) String from,
        @NotBlank @Pattern(regexp = SITE, message = SITE_MESSAGE) String to, @NotNull Commodity commodity,
        @NotNull @DecimalMin(value = "0.001", message = "must be positive") @DecimalMax("100000") @Digits(integer = 11,
                fraction = 3) BigDecimal quantityKg,
        @NotBlank @Size(max = 200) String reason, @Size(min = 1, max = 64) @Pattern(regexp = "\\p{Graph}+",
                message = "must be printable characters without spaces") String clientReference) {

    static final String SITE = "[0-9]{11}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String SITE_MESSAGE = "must be an 11-digit UDISE code or a kitchen id";

}
