package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/** A school's (or kitchen's) stock of a commodity crossed into low or out. */
@EventContract(type = "in.mdm.school.StockLow.v1", topic = SchoolTopics.STOCK)
public record StockLow(UUID eventId, Instant occurredAt, String udiseCode, String commodity, BigDecimal quantityKg,
        BigDecimal daysOfStock, String status) implements DomainEvent {

    @Override
    public String aggregateId() {
        return String.valueOf(udiseCode);
    }
}
