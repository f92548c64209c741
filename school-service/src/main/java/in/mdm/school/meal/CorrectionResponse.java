package in.mdm.school.meal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record CorrectionResponse(UUID id, UUID reportId, String correctedBy, Instant correctedAt,
        Map<String, Object> before, Map<String, Object> after, String reason) {
}
