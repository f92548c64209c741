package in.mdm.events.school;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A school entered the register (by hand or by UDISE import); {@code latitude} and
 * {@code longitude} (WGS 84) and {@code kitchenId} (the centralised kitchen that cooks
 * for it) are null when not known.
 */
@EventContract(type = "in.mdm.school.SchoolRegistered.v1", topic = SchoolTopics.SCHOOLS)
public record SchoolRegistered(UUID eventId, Instant occurredAt, String udiseCode, String name, String districtCode,
        String blockCode, String category, String management, String ruralUrban, boolean pmPoshanEligible,
        Double latitude, Double longitude, UUID kitchenId) implements DomainEvent {

    /**
     * Without the school's place on the map and its kitchen (as events written before
     * they were carried read).
     */
    public SchoolRegistered(UUID eventId, Instant occurredAt, String udiseCode, String name, String districtCode,
            String blockCode, String category, String management, String ruralUrban, boolean pmPoshanEligible) {
        this(eventId, occurredAt, udiseCode, name, districtCode, blockCode, category, management, ruralUrban,
                pmPoshanEligible, null, null, null);
    }

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
