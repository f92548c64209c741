package in.mdm.ml.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A run forecasting every school, with its progress.
 *
 * @param id the run
 * @param status RUNNING, SUCCEEDED or FAILED
 * @param requestedBy who asked (the daily schedule, or an ADMIN)
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param asOf the last day of history it forecasts from
 * @param schools schools with a meal history when it started
 * @param done schools gone through
 * @param forecast schools forecast (the rest had too little history)
 * @param published DemandForecasted events published (days whose forecast is new or
 * moved)
 * @param progress percent of the schools gone through
 * @param priors the shared effects learnt at its start
 * @param error why it failed
 */
public record ForecastRun(UUID id, String status, String requestedBy, Instant startedAt, Instant finishedAt,
        LocalDate asOf, int schools, int done, int forecast, int published, int progress, Priors priors, String error) {
}
