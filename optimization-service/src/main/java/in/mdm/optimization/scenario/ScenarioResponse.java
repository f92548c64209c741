package in.mdm.optimization.scenario;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A what-if job. {@code total} and {@code daily} once it has succeeded; {@code results}
 * (districts, blocks and the most affected schools) only when one job is read.
 */
record ScenarioResponse(UUID id, ScenarioStatus status, int progress, int runsDone, String requestedBy,
        String districtCode, String blockCode, int days, int runs, long seed, List<Perturbation> perturbations,
        Integer schools, Totals total, ScenarioRun.Daily daily, Results results, String error, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    /** Meals missed over the area: baseline, scenario and the difference. */
    record Totals(Projection.Interval baseline, Projection.Interval scenario, Projection.Interval difference) {
    }

    /** Per district and block, and the schools the scenario hits hardest. */
    record Results(List<ResultResponse> districts, List<ResultResponse> blocks, List<ResultResponse> topSchools) {
    }

    static ScenarioResponse of(ScenarioRun run, Results results) {
        Totals total = run.baseline() == null ? null : new Totals(run.baseline(), run.scenario(), run.difference());
        return new ScenarioResponse(run.id(), run.status(), run.progress(), run.runsDone(), run.requestedBy(),
                run.area().districtCode(), run.area().blockCode(), run.days(), run.runs(), run.seed(),
                run.perturbations(), run.schools(), total, run.daily(), results, run.error(), run.createdAt(),
                run.startedAt(), run.finishedAt());
    }

}
