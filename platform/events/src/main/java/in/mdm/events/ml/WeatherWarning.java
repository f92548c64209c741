package in.mdm.events.ml;

import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A weather warning for a district that may stop meals or deliveries. */
@EventContract(type = "in.mdm.ml.WeatherWarning.v1", topic = MlTopics.WEATHER)
public record WeatherWarning(UUID eventId, Instant occurredAt, String districtCode, String severity, String kind,
        Instant validFrom, Instant validTo, String description) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(districtCode);
    }
}
