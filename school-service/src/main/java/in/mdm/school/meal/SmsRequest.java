package in.mdm.school.meal;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A message from the SMS/IVRS gateway. */
public record SmsRequest(@NotBlank @Size(max = 20) String from, @NotNull @Size(max = 500) String message,
        Instant receivedAt) {
}
