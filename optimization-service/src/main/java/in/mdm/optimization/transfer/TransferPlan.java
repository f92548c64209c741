package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A plan to move food stock from one school to another, and the decision on it. */
record TransferPlan(UUID id, String fromUdiseCode, String toUdiseCode, Commodity commodity, BigDecimal quantityKg,
        TransferStatus status, String reason, Instant createdAt, Instant decidedAt, String decidedBy,
        String decisionNote) {
}
