package in.mdm.optimization.scenario;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A what-if run: the area (a district, a block, or neither: the caller's jurisdiction),
 * the school days to run forward (default 14), the Monte Carlo runs (default 200), the
 * seed (default 1: the same request on the same state gives the same answer) and the
 * perturbations (none: the baseline alone).
 */
public record RunScenarioRequest(
        @Pattern(regexp = Perturbation.AREA_CODE,
                message = "must be a district code of 1-8 letters or digits") String districtCode,
        @Pattern(regexp = Perturbation.AREA_CODE,
                message = "must be a block code of 1-8 letters or digits") String blockCode,
        @Min(1) @Max(ScenarioEngine.MAX_DAYS) Integer days, @Min(1) @Max(ScenarioEngine.MAX_RUNS) Integer runs,
        Long seed, @Size(max = 20) List<@NotNull @Valid Perturbation> perturbations) {

    static final int DEFAULT_DAYS = 14;

    static final int DEFAULT_RUNS = 200;

    static final long DEFAULT_SEED = 1;

    int daysOrDefault() {
        return days == null ? DEFAULT_DAYS : days;
    }

    int runsOrDefault() {
        return runs == null ? DEFAULT_RUNS : runs;
    }

    long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    List<Perturbation> perturbationsOrNone() {
        return perturbations == null ? List.of() : perturbations;
    }

}
