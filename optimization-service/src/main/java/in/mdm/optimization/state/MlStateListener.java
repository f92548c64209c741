package in.mdm.optimization.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import in.mdm.events.ml.DemandForecasted;
import in.mdm.events.ml.RiskScored;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * ml-service's demand forecasts (per school and day) and risk scores into the planning
 * copy; the newest of each key wins, whatever the order they arrive in.
 */
@Component
@EventConsumer("optimization.planning-ml")
class MlStateListener {

    private final PlanningStateRepository state;

    MlStateListener(PlanningStateRepository state) {
        this.state = state;
    }

    @EventHandler
    void forecasted(List<DemandForecasted> events) {
        Map<String, PlanningStateRepository.ForecastRow> newest = new LinkedHashMap<>();
        for (DemandForecasted e : events) {
            PlanningStateRepository.ForecastRow row = new PlanningStateRepository.ForecastRow(e.udiseCode(),
                    e.forDate(), e.meals(), e.lower(), e.upper(), e.occurredAt());
            newest.merge(e.udiseCode() + "/" + e.forDate(), row, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        state.forecasts(new ArrayList<>(newest.values()));
    }

    @EventHandler
    void scored(List<RiskScored> events) {
        Map<String, PlanningStateRepository.RiskRow> newest = new LinkedHashMap<>();
        for (RiskScored e : events) {
            BigDecimal score = BigDecimal.valueOf(Math.max(0, Math.min(100, e.score())))
                .setScale(1, RoundingMode.HALF_EVEN);
            PlanningStateRepository.RiskRow row = new PlanningStateRepository.RiskRow(e.udiseCode(), score, e.level(),
                    e.forDate(), e.occurredAt());
            newest.merge(e.udiseCode(), row, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        state.risks(new ArrayList<>(newest.values()));
    }

}
