package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A delivery arrived: at a school ({@code udiseCode}) or at a kitchen ({@code kitchenId},
 * {@code udiseCode} null), on {@code receivedOn} against the {@code promisedOn} date;
 * {@code onTime} when not after it. Published once per delivery, with its receipt.
 */
@EventContract(type = "in.mdm.school.DeliveryReceived.v1", topic = SchoolTopics.DELIVERIES)
public record DeliveryReceived(UUID eventId, Instant occurredAt, UUID deliveryId, String udiseCode, UUID kitchenId,
        String districtCode, String blockCode, UUID supplierId, String commodity, LocalDate promisedOn,
        LocalDate receivedOn, BigDecimal quantityKg, boolean onTime) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(deliveryId);
    }
}
