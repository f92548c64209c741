package in.mdm.ml.risk;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import in.mdm.events.school.DailyMealReported;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * A day's meal reports, a poll at a time: into the feature store, then their schools
 * scored again, all in the poll's transaction (with its inbox rows and the outbox batch
 * of RiskScored).
 */
@Component
@EventConsumer("ml.meals")
class MealScoringListener {

    private final FeatureStore store;

    private final RiskScoring scoring;

    MealScoringListener(FeatureStore store, RiskScoring scoring) {
        this.store = store;
        this.scoring = scoring;
    }

    @EventHandler
    void reported(List<DailyMealReported> reports) {
        Set<String> schools = store.recordMeals(reports);
        scoring.rescore(schools);
    }

}
