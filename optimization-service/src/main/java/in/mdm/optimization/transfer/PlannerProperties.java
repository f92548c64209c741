package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transfer optimizer's settings ({@code mdm.optimization.planner.*}).
 *
 * @param horizonDays school days of forecast demand a site must cover (7)
 * @param safetyDays days of its own demand a sending school keeps beyond the horizon (3)
 * @param maxDistanceKm no transfer farther (great-circle km, 50)
 * @param crossDistrict whether a transfer may cross a district boundary (false)
 * @param vehicleKg one vehicle load, the most one transfer carries (1,000 kg)
 * @param nearest arcs to each school short of food from at most this many nearest schools
 * with a surplus (8)
 * @param inrPerKgKm transport, ₹ per kg and km (0.02)
 * @param handlingInrPerKg loading and losses of a kg moved (0.5)
 * @param riskInrPerKg the penalty of a kg short at a school of risk 100 (100)
 * @param minTransferKg smaller transfers are not recommended (5)
 * @param gramsPerMeal the primary norm per child-meal, grams, per commodity (PM POSHAN:
 * rice and wheat 100, pulses 20, oil 5, as school-service's {@code food_norms})
 */
@ConfigurationProperties("mdm.optimization.planner")
record PlannerProperties(@DefaultValue("7") int horizonDays, @DefaultValue("3") double safetyDays,
        @DefaultValue("50") double maxDistanceKm, @DefaultValue("false") boolean crossDistrict,
        @DefaultValue("1000") double vehicleKg, @DefaultValue("8") int nearest, @DefaultValue("0.02") double inrPerKgKm,
        @DefaultValue("0.5") double handlingInrPerKg, @DefaultValue("100") double riskInrPerKg,
        @DefaultValue("5") double minTransferKg, Map<String, BigDecimal> gramsPerMeal) {

    PlannerProperties {
        if (gramsPerMeal == null || gramsPerMeal.isEmpty()) {
            gramsPerMeal = Map.of("RICE", new BigDecimal("100"), "WHEAT", new BigDecimal("100"), "PULSES",
                    new BigDecimal("20"), "OIL", new BigDecimal("5"));
        }
    }

    TransferPlanner.Settings settings() {
        return new TransferPlanner.Settings(maxDistanceKm, crossDistrict, Math.round(vehicleKg * 1000), nearest,
                inrPerKgKm, handlingInrPerKg, riskInrPerKg);
    }

    double gramsPerMeal(Commodity commodity) {
        BigDecimal grams = gramsPerMeal.get(commodity.name());
        return grams == null ? 0 : grams.doubleValue();
    }

}
