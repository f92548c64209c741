package in.mdm.finance.release;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A release request: a quarter's tranche ({@code kind} QUARTERLY with {@code quarter}
 * 1-4, optionally a {@code releasePercent} within the configured hold-back band) or an
 * EMERGENCY release of an {@code amount} with a {@code reason}.
 */
public record RequestReleaseRequest(@NotNull UUID allocationId, @NotNull ReleaseKind kind,
        @Min(1) @Max(4) Integer quarter, @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @DecimalMin("0.00") @Digits(integer = 3, fraction = 2) BigDecimal releasePercent,
        @Size(max = 500) String reason) {
}
