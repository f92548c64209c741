package in.mdm.ml.risk;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The risk model's settings ({@code mdm.ml.risk.*}, defaults in the README). */
@Component
class RiskSettings {

    static final String MODEL = "school-risk";

    final int horizon;

    final RiskLevels levels;

    final double publishStep;

    final Duration modelRefresh;

    final int topFactors;

    final int trainingDays;

    final int batchLimit;

    final int rounds;

    final int forestTrees;

    RiskSettings(@Value("${mdm.ml.risk.horizon:3}") int horizon,
            @Value("${mdm.ml.risk.levels.critical:70}") double critical,
            @Value("${mdm.ml.risk.levels.high:40}") double high,
            @Value("${mdm.ml.risk.levels.medium:15}") double medium,
            @Value("${mdm.ml.risk.publish-step:10}") double publishStep,
            @Value("${mdm.ml.risk.model-refresh:10s}") Duration modelRefresh,
            @Value("${mdm.ml.risk.top-factors:3}") int topFactors,
            @Value("${mdm.ml.risk.training-days:95}") int trainingDays,
            @Value("${mdm.ml.risk.batch-limit:5000}") int batchLimit, @Value("${mdm.ml.risk.rounds:200}") int rounds,
            @Value("${mdm.ml.risk.forest-trees:15}") int forestTrees) {
        this.horizon = horizon;
        this.levels = new RiskLevels(critical, high, medium);
        this.publishStep = publishStep;
        this.modelRefresh = modelRefresh;
        this.topFactors = topFactors;
        this.trainingDays = trainingDays;
        this.batchLimit = batchLimit;
        this.rounds = rounds;
        this.forestTrees = forestTrees;
    }

    TrainingOptions training() {
        return new TrainingOptions(horizon, rounds, 3, 0.05, forestTrees, 30_000,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 1);
    }

}
