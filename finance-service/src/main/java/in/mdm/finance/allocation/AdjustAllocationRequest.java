package in.mdm.finance.allocation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manual change of an allocation's amount, with the reason the audit trail keeps. */
public record AdjustAllocationRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotBlank @Size(max = 500) String reason) {
}
