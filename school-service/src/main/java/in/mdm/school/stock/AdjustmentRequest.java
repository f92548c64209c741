package in.mdm.school.stock;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction of stock on hand (a count, spoilage, a loss): positive adds, negative
 * removes.
 */
public record AdjustmentRequest(@NotNull Commodity commodity,
        @NotNull @Digits(integer = 11, fraction = 3) @DecimalMin("-100000") @DecimalMax("100000") BigDecimal quantityKg,
        @NotBlank @Size(max = 300) String reason) {
}
