package in.mdm.optimization.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a plan is rejected. */
public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
}
