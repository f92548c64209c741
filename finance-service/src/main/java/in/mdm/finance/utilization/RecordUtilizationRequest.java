package in.mdm.finance.utilization;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A school's spending in a month and category (food, fuel, wages, other). */
public record RecordUtilizationRequest(
        @NotNull @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
        @NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month like 2026-07") String month,
        @NotNull SpendingCategory category,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
}
