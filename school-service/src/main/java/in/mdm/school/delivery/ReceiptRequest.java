package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** What arrived (it may be short of what was promised). */
public record ReceiptRequest(@NotNull LocalDate receivedOn,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 11, fraction = 3) BigDecimal quantityKg) {
}
