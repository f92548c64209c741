package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A plan to move food stock from one school to another, the decision on it and its
 * outcome; a recommendation of the optimizer ({@code source} OPTIMIZER) carries its run
 * and its cost-benefit.
 */
record TransferPlan(UUID id, String fromUdiseCode, String toUdiseCode, Commodity commodity, BigDecimal quantityKg,
        TransferStatus status, String reason, Instant createdAt, Instant decidedAt, String decidedBy,
        String decisionNote, String source, UUID runId, String districtCode, BigDecimal distanceKm, BigDecimal costInr,
        Integer childrenDays, BigDecimal childrenDaysPerInr, BigDecimal receiverRisk, Instant outcomeAt,
        String outcomeNote) {
}
