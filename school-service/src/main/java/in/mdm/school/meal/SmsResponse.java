package in.mdm.school.meal;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What became of a message, and the reply text for the sender. */
public record SmsResponse(UUID messageId, SmsStatus status, String reply, UUID reportId, @JsonIgnore String error) {
}
