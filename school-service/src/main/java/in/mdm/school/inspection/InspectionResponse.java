package in.mdm.school.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record InspectionResponse(UUID id, String udiseCode, LocalDate inspectedOn, String inspector, int score,
        LocalDate nextDueOn, String remarks, List<InspectionRequest.Finding> findings, Instant createdAt) {
}
