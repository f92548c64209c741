package in.mdm.events.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * An inspection of a school's midday meal was recorded: its score (0-100, the meal's
 * quality as the inspector found it) and when the next one is due.
 */
@EventContract(type = "in.mdm.school.InspectionRecorded.v1", topic = SchoolTopics.INSPECTIONS)
public record InspectionRecorded(UUID eventId, Instant occurredAt, UUID inspectionId, String udiseCode,
        LocalDate inspectedOn, int score, LocalDate nextDueOn) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
