package in.mdm.optimization.scenario;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The what-if model's settings ({@code mdm.optimization.scenario.*}); the model is
 * described in optimization-service/README.md, "What-if runs".
 *
 * @param grainGrams grain (rice or wheat) per meal, PM POSHAN primary norm
 * @param pulsesGrams pulses per meal
 * @param oilGrams oil per meal
 * @param cycleDays a site is replenished every this many school days
 * @param coverDays a delivery tops each commodity up to this many days of the site's mean
 * demand
 * @param delayWeights chance of a delivery coming 0, 1, 2 ... school days late (weights,
 * normalised)
 * @param riskWeight how much of a school's risk score counts as days without a meal for
 * causes other than stock (0: none)
 * @param releaseCutShare share of days without a meal per unit of release cut (a cut of
 * 30 % with share 1.0: 30 % of days)
 * @param threads threads running the Monte Carlo runs of one job (0: one per core)
 * @param concurrentJobs jobs that run at once on an instance; the others wait (QUEUED)
 * @param staleAfter a QUEUED or RUNNING job whose heartbeat is older than this stopped
 * with its instance and is marked FAILED
 * @param maxCells most schools × runs a job may hold (two int matrices of this size)
 * @param topSchools schools listed as most affected in a run's answer
 */
@ConfigurationProperties("mdm.optimization.scenario")
public record ScenarioSettings(@DefaultValue("100") int grainGrams, @DefaultValue("20") int pulsesGrams,
        @DefaultValue("5") int oilGrams, @DefaultValue("10") int cycleDays, @DefaultValue("14") int coverDays,
        @DefaultValue( {
                "0.7", "0.15", "0.1", "0.05" }) List<Double> delayWeights,
        @DefaultValue("1.0") double riskWeight, @DefaultValue("1.0") double releaseCutShare,
        @DefaultValue("0") int threads, @DefaultValue("1") int concurrentJobs, @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("16000000") long maxCells, @DefaultValue("20") int topSchools){

    public ScenarioSettings {
        if (cycleDays < 1 || coverDays < 1 || delayWeights.isEmpty() || concurrentJobs < 1) {
            throw new IllegalArgumentException("cycleDays, coverDays, concurrentJobs at least 1; delayWeights given");
        }
        delayWeights = List.copyOf(delayWeights);
    }

    /** The defaults, as the service starts with them. */
    public static ScenarioSettings defaults() {
        return new ScenarioSettings(100, 20, 5, 10, 14, List.of(0.7, 0.15, 0.1, 0.05), 1.0, 1.0, 0, 1,
                Duration.ofMinutes(2), 16_000_000, 20);
    }

    /** The same model without random delivery delays nor risk: for worked examples. */
    public ScenarioSettings withoutDelaysNorRisk() {
        return new ScenarioSettings(grainGrams, pulsesGrams, oilGrams, cycleDays, coverDays, List.of(1.0), 0,
                releaseCutShare, threads, concurrentJobs, staleAfter, maxCells, topSchools);
    }

    int parallelism() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

}
