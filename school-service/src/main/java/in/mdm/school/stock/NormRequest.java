package in.mdm.school.stock;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** Grams per child per day. */
public record NormRequest(
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 3) BigDecimal primaryGrams,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 3) BigDecimal upperPrimaryGrams) {
}
