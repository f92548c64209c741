package in.mdm.events.ml;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A model was retrained and registered with its metrics. */
@EventContract(type = "in.mdm.ml.ModelRetrained.v1", topic = MlTopics.MODELS)
public record ModelRetrained(UUID eventId, Instant occurredAt, String modelName, String version,
        Map<String, Double> metrics) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(modelName);
    }
}
