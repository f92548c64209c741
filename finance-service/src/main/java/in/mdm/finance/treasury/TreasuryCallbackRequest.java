package in.mdm.finance.treasury;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The treasury's confirmation of an instruction, named by its idempotency key. */
public record TreasuryCallbackRequest(@NotNull UUID idempotencyKey,
        @NotNull @Pattern(regexp = "CREDITED", message = "must be CREDITED") String status,
        @NotBlank @Size(max = 100) String treasuryReference) {
}
