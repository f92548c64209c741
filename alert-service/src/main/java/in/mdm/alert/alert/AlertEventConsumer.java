package in.mdm.alert.alert;

import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.ml.CascadeRiskDetected;
import in.mdm.events.ml.RiskScored;
import in.mdm.events.ml.WeatherWarning;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.InspectionOverdue;
import in.mdm.events.school.KitchenStockLow;
import in.mdm.events.school.StockLow;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * The events alerts are raised from; a poll is one transaction with the inbox, so a
 * redelivered event changes nothing.
 */
@Component
@EventConsumer("alert.rules")
class AlertEventConsumer {

    private final AlertEngine engine;

    AlertEventConsumer(AlertEngine engine) {
        this.engine = engine;
    }

    @EventHandler
    void risks(List<RiskScored> events) {
        engine.risks(events);
    }

    @EventHandler
    void cascades(List<CascadeRiskDetected> events) {
        engine.cascades(events);
    }

    @EventHandler
    void weather(List<WeatherWarning> events) {
        engine.weather(events);
    }

    @EventHandler
    void budgets(List<BudgetThresholdCrossed> events) {
        engine.budgets(events);
    }

    @EventHandler
    void stock(List<StockLow> events) {
        engine.stock(events);
    }

    @EventHandler
    void kitchenStock(List<KitchenStockLow> events) {
        engine.kitchenStock(events);
    }

    @EventHandler
    void deliveries(List<DeliveryDelayed> events) {
        engine.deliveries(events);
    }

    @EventHandler
    void inspections(List<InspectionOverdue> events) {
        engine.inspections(events);
    }

}
