package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as carried out (EXECUTED) or refused (REFUSED, with {@code refusal}); each
 * end is a school or a kitchen. {@code source}: APPROVED (from optimization-service) or
 * MANUAL (entered by hand, {@code reason} given).
 */
public record TransferResponse(UUID transferId, String fromUdiseCode, UUID fromKitchenId, String toUdiseCode,
        UUID toKitchenId, String commodity, BigDecimal quantityKg, TransferStatus status, TransferSource source,
        String reason, String refusal, String clientReference, String createdBy, Instant processedAt) {
}
