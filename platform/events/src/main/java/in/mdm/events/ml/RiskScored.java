package in.mdm.events.ml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** The risk that a school's children go without a meal was scored. */
@EventContract(type = "in.mdm.ml.RiskScored.v1", topic = MlTopics.RISKS)
public record RiskScored(UUID eventId, Instant occurredAt, String udiseCode, LocalDate forDate, double score,
        String level, String modelVersion, List<String> topFactors) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
