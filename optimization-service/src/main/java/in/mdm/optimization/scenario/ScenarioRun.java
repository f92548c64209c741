package in.mdm.optimization.scenario;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A what-if job as kept: its request, where it stands, and once it has succeeded its
 * totals and the mean meals missed on each day.
 */
record ScenarioRun(UUID id, ScenarioStatus status, String requestedBy, Area area, int days, int runs, long seed,
        List<Perturbation> perturbations, int runsDone, int progress, Integer schools, Projection.Interval baseline,
        Projection.Interval scenario, Projection.Interval difference, Daily daily, String error, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    /** Mean meals missed on each day (index 0 is day 1). */
    record Daily(double[] baseline, double[] scenario) {
    }

}
