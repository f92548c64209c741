package in.mdm.school.meal;

import java.util.List;

/** One answer per message, in order. */
public record SmsBatchResponse(List<SmsResponse> results) {
}
