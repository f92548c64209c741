package in.mdm.school.meal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Messages an SMS/IVRS aggregator forwards at once. */
public record SmsBatchRequest(@NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid SmsRequest> messages) {
}
