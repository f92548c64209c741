package in.mdm.events.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A delivery did not arrive by its expected date. */
@EventContract(type = "in.mdm.school.DeliveryDelayed.v1", topic = SchoolTopics.DELIVERIES)
public record DeliveryDelayed(UUID eventId, Instant occurredAt, UUID deliveryId, String udiseCode, String supplierCode,
        String commodity, LocalDate expectedOn, int daysLate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
