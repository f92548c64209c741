package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record DeliveryResponse(UUID id, UUID supplierId, String udiseCode, UUID kitchenId, String commodity,
        BigDecimal quantityKg, LocalDate promisedDate, DeliveryStatus status, LocalDate receivedOn,
        BigDecimal receivedKg, Instant createdAt, String clientReference) {
}
