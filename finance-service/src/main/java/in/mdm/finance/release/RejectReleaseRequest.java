package in.mdm.finance.release;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RejectReleaseRequest(@NotBlank @Size(max = 500) String reason) {
}
