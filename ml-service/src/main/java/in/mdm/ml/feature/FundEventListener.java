package in.mdm.ml.feature;

import org.springframework.stereotype.Component;

import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.finance.FundReleased;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Releases of funds and the utilization reported, per jurisdiction, from finance-service.
 */
@Component
@EventConsumer("ml.funds")
class FundEventListener {

    private final FeatureRepository features;

    FundEventListener(FeatureRepository features) {
        this.features = features;
    }

    @EventHandler
    void released(FundReleased event) {
        features.released(event.scope().level().name(), event.scope().code(), event.occurredAt());
    }

    @EventHandler
    void threshold(BudgetThresholdCrossed event) {
        features.utilized(event.scope().level().name(), event.scope().code(), event.utilizedPercent(),
                event.occurredAt());
    }

}
