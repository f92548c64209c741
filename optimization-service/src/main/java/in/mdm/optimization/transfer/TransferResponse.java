package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record TransferResponse(UUID id, String fromUdiseCode, String toUdiseCode, Commodity commodity,
        BigDecimal quantityKg, TransferStatus status, String reason, Instant createdAt, Instant decidedAt,
        String decidedBy, String decisionNote) {

    static TransferResponse of(TransferPlan p) {
        return new TransferResponse(p.id(), p.fromUdiseCode(), p.toUdiseCode(), p.commodity(), p.quantityKg(),
                p.status(), p.reason(), p.createdAt(), p.decidedAt(), p.decidedBy(), p.decisionNote());
    }
}
