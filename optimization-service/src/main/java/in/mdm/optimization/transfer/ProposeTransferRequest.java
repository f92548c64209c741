package in.mdm.optimization.transfer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A transfer proposed by hand: from the school with the surplus to the school short of
 * stock.
 */
public record ProposeTransferRequest(
        @NotNull @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String fromUdiseCode,
        @NotNull @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String toUdiseCode,
        @NotNull Commodity commodity,
        @NotNull @DecimalMin(value = "0.001", message = "must be at least 1 gram") @Digits(integer = 6, fraction = 3,
                message = "must be kilograms with at most 6 digits and 3 decimals") BigDecimal quantityKg,
        @NotBlank @Size(max = 500) String reason) {
}
