package in.mdm.ml.feature;

import org.springframework.stereotype.Component;

import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockLow;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Low stock at schools and kitchens (and which schools a kitchen cooks for), and late
 * deliveries, from school-service's events.
 */
@Component
@EventConsumer("ml.supply")
class SupplyEventListener {

    private final FeatureRepository features;

    SupplyEventListener(FeatureRepository features) {
        this.features = features;
    }

    @EventHandler
    void stockLow(StockLow event) {
        features.stock(event.udiseCode(), event.commodity(), event.daysOfStock(), event.status(), event.occurredAt());
    }

    @EventHandler
    void kitchenStockLow(KitchenStockLow event) {
        features.stock(event.kitchenId().toString(), event.commodity(), event.daysOfStock(), event.status(),
                event.occurredAt());
        features.kitchen(event.kitchenId(), event.schools(), event.occurredAt());
    }

    @EventHandler
    void delayed(DeliveryDelayed event) {
        // the site late deliveries are counted for: the school, or the kitchen by its id
        String site = event.udiseCode() != null ? event.udiseCode() : String.valueOf(event.kitchenId());
        features.delay(event.deliveryId(), site, event.supplierCode(), event.expectedOn(), event.daysLate(),
                event.occurredAt());
    }

}
