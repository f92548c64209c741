package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A transfer plan; for a recommendation of the optimizer ({@code source} OPTIMIZER) its
 * run, district and cost-benefit: km, ₹ (transport and handling), children-days covered
 * (kg over the commodity's norm per meal) and children-days per ₹.
 */
public record TransferResponse(UUID id, String fromUdiseCode, String toUdiseCode, Commodity commodity,
        BigDecimal quantityKg, TransferStatus status, String reason, Instant createdAt, Instant decidedAt,
        String decidedBy, String decisionNote, String source, UUID runId, String districtCode, BigDecimal distanceKm,
        BigDecimal costInr, Integer childrenDays, BigDecimal childrenDaysPerInr, BigDecimal receiverRisk,
        Instant outcomeAt, String outcomeNote) {

    static TransferResponse of(TransferPlan p) {
        return new TransferResponse(p.id(), p.fromUdiseCode(), p.toUdiseCode(), p.commodity(), p.quantityKg(),
                p.status(), p.reason(), p.createdAt(), p.decidedAt(), p.decidedBy(), p.decisionNote(), p.source(),
                p.runId(), p.districtCode(), p.distanceKm(), p.costInr(), p.childrenDays(), p.childrenDaysPerInr(),
                p.receiverRisk(), p.outcomeAt(), p.outcomeNote());
    }
}
