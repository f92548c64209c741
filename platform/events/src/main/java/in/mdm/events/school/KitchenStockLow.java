package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A centralised kitchen's stock of a commodity crossed into low or out. A kitchen that
 * runs out takes every school it cooks for with it: {@code schools} lists their UDISE
 * codes, so cascade risk and alerts reach all of them.
 */
@EventContract(type = "in.mdm.school.KitchenStockLow.v1", topic = SchoolTopics.STOCK)
public record KitchenStockLow(UUID eventId, Instant occurredAt, UUID kitchenId, String kitchenName, String districtCode,
        String blockCode, String commodity, BigDecimal quantityKg, BigDecimal daysOfStock, String status,
        List<String> schools) implements DomainEvent {

    public KitchenStockLow {
        schools = schools == null ? List.of() : List.copyOf(schools);
    }

    @Override
    public String aggregateId() {
        return String.valueOf(kitchenId);
    }
}
