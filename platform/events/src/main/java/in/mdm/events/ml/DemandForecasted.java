package in.mdm.events.ml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** Meals a school will need on a day, with an interval. */
@EventContract(type = "in.mdm.ml.DemandForecasted.v1", topic = MlTopics.FORECASTS)
public record DemandForecasted(UUID eventId, Instant occurredAt, String udiseCode, LocalDate forDate, int meals,
        int lower, int upper, String modelVersion) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
