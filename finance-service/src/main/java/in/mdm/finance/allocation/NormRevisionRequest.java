package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A revision of the cost norms from a date: both categories' rate and school days and the
 * centre's share (the sharing pattern: 60, 90 or 100 percent).
 */
public record NormRevisionRequest(@NotNull LocalDate effectiveFrom,
        @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3,
                fraction = 2) BigDecimal centreSharePercent,
        @NotNull @Valid CategoryNorm primary, @NotNull @Valid CategoryNorm upperPrimary) {

    public record CategoryNorm(
            @NotNull @DecimalMin("0.01") @Digits(integer = 6, fraction = 2) BigDecimal ratePerChildDay,
            @NotNull @Min(1) @Max(366) Integer schoolDays) {
    }
}
