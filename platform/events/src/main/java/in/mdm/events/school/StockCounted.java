package in.mdm.events.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;

/**
 * A site's stock of a commodity after it changed (a day's meals, a delivery, an
 * adjustment, a transfer): one event per site and commodity per change, the latest state,
 * so that a copy kept from these events knows every site's stock, not only the low ones.
 *
 * @param udiseCode the school whose store it is, or {@code null} for a kitchen
 * @param kitchenId the centralised kitchen whose store it is, or {@code null} for a
 * school
 * @param districtCode the site's district
 * @param blockCode the site's block
 * @param commodity RICE, WHEAT, PULSES, OIL ...
 * @param quantityKg what is in store
 * @param daysOfStock school days it lasts at the site's usual consumption ({@code null}
 * when unknown)
 * @param status STOCK_OUT, LOW, ADEQUATE or OVER_STOCKED
 * @param supplierCode the supplier assigned to the site, or {@code null}
 */
@EventContract(type = "in.mdm.school.StockCounted.v1", topic = SchoolTopics.STOCK_LEVELS)
public record StockCounted(UUID eventId, Instant occurredAt, String udiseCode, UUID kitchenId, String districtCode,
        String blockCode, String commodity, BigDecimal quantityKg, BigDecimal daysOfStock, String status,
        String supplierCode) implements DomainEvent {

    @Override
    public String aggregateId() {
        return udiseCode != null ? udiseCode : String.valueOf(kitchenId);
    }
}
