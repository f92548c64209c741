package in.mdm.events.school;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school's master data changed; carries the whole new state. */
@EventContract(type = "in.mdm.school.SchoolUpdated.v1", topic = SchoolTopics.SCHOOLS)
public record SchoolUpdated(UUID eventId, Instant occurredAt, String udiseCode, String name, String districtCode,
        String blockCode, String category, String management, String ruralUrban,
        boolean pmPoshanEligible) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
