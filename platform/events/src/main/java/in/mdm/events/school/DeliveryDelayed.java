package in.mdm.events.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A delivery did not arrive by its expected date: to a school ({@code udiseCode}) or to a
 * central kitchen ({@code kitchenId}, {@code udiseCode} null).
 */
@EventContract(type = "in.mdm.school.DeliveryDelayed.v1", topic = SchoolTopics.DELIVERIES)
public record DeliveryDelayed(UUID eventId, Instant occurredAt, UUID deliveryId, String udiseCode, String supplierCode,
        String commodity, LocalDate expectedOn, int daysLate, UUID kitchenId) implements DomainEvent {

    /** The school's UDISE code, or the kitchen's id for a kitchen's delivery. */
    @Override
    public String aggregateId() {
        return udiseCode != null ? udiseCode : String.valueOf(kitchenId);
    }
}
