package in.mdm.ml.risk;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Unit costs and chances of success of the interventions
 * ({@code mdm.ml.interventions.*}); the defaults ({@link #COSTS}, {@link #SUCCESS}) are
 * planning figures for the state to replace with its own.
 *
 * @param costs rupees per school for a kind, over the default
 * @param success the chance a kind is carried out and works as modelled, over the default
 * @param candidates schools most at risk looked at for a list of recommendations
 * @param outcomeAfter days after acceptance when the outcome (the school's risk then) is
 * recorded
 */
@ConfigurationProperties("mdm.ml.interventions")
record InterventionSettings(Map<Intervention, Integer> costs, Map<Intervention, Double> success,
        @DefaultValue("200") int candidates, @DefaultValue("30") int outcomeAfter) {

    static final Map<Intervention, Integer> COSTS = Map.of(Intervention.CAPACITY_EXPANSION, 150_000,
            Intervention.SUPPLY_CHAIN_CHANGE, 20_000, Intervention.STAFF_AUGMENTATION, 12_000,
            Intervention.INFRASTRUCTURE, 25_000, Intervention.BUDGET_REALLOCATION, 5_000);

    static final Map<Intervention, Double> SUCCESS = Map.of(Intervention.CAPACITY_EXPANSION, 0.6,
            Intervention.SUPPLY_CHAIN_CHANGE, 0.7, Intervention.STAFF_AUGMENTATION, 0.85, Intervention.INFRASTRUCTURE,
            0.8, Intervention.BUDGET_REALLOCATION, 0.9);

    int cost(Intervention kind) {
        return costs != null && costs.containsKey(kind) ? costs.get(kind) : COSTS.get(kind);
    }

    double chance(Intervention kind) {
        return success != null && success.containsKey(kind) ? success.get(kind) : SUCCESS.get(kind);
    }

}
