package in.mdm.events.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school has not been inspected within the required interval. */
@EventContract(type = "in.mdm.school.InspectionOverdue.v1", topic = SchoolTopics.INSPECTIONS)
public record InspectionOverdue(UUID eventId, Instant occurredAt, String udiseCode, LocalDate lastInspectedOn,
        LocalDate dueOn) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
