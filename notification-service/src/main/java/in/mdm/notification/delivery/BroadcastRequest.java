package in.mdm.notification.delivery;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import in.mdm.events.Jurisdiction;
import in.mdm.notification.template.Channel;

/**
 * A message from the state to everyone inside a jurisdiction (the state, a district, a
 * block or a school), on the channels named (all three when none), at a severity
 * (CRITICAL is sent at once, whatever the recipients' quiet hours and digests).
 */
public record BroadcastRequest(@NotNull Jurisdiction.Level jurisdictionLevel,
        @NotBlank @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String jurisdictionCode,
        @Pattern(regexp = "INFO|WARNING|CRITICAL", message = "must be INFO, WARNING or CRITICAL") String severity,
        @NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 1000) String message, Set<Channel> channels) {
}
