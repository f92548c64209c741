package in.mdm.events.school;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A school's master data changed; carries the whole new state, with its place on the map
 * and its kitchen (null when not known).
 */
@EventContract(type = "in.mdm.school.SchoolUpdated.v1", topic = SchoolTopics.SCHOOLS)
public record SchoolUpdated(UUID eventId, Instant occurredAt, String udiseCode, String name, String districtCode,
        String blockCode, String category, String management, String ruralUrban, boolean pmPoshanEligible,
        Double latitude, Double longitude, UUID kitchenId) implements DomainEvent {

    /**
     * Without the school's place on the map and its kitchen (as events written before
     * they were carried read).
     */
    public SchoolUpdated(UUID eventId, Instant occurredAt, String udiseCode, String name, String districtCode,
            String blockCode, String category, String management, String ruralUrban, boolean pmPoshanEligible) {
        this(eventId, occurredAt, udiseCode, name, districtCode, blockCode, category, management, ruralUrban,
                pmPoshanEligible, null, null, null);
    }

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
