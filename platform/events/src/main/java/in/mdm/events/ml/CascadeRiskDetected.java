package in.mdm.events.ml;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A shortage at a shared kitchen or supplier threatens the schools it serves. */
@EventContract(type = "in.mdm.ml.CascadeRiskDetected.v1", topic = MlTopics.CASCADES)
public record CascadeRiskDetected(UUID eventId, Instant occurredAt, String sourceKind, String sourceCode,
        List<String> affectedUdiseCodes, int childrenAtRisk, String level) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(sourceCode);
    }
}
