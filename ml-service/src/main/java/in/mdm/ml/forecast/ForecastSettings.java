package in.mdm.ml.forecast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demand forecast's settings ({@code mdm.ml.forecast.*}).
 *
 * @param cron when the daily run for all schools starts (Asia/Kolkata)
 * @param chunk schools read, forecast, saved and published together in one transaction
 * @param priorSample schools the run learns the shared calendar and rain effects from
 * @param publishShare a day's forecast is published again when its meals moved by at
 * least this share (or 2 meals, whichever is more)
 * @param threads threads forecasting a chunk (0: one per core)
 */
@ConfigurationProperties("mdm.ml.forecast")
public record ForecastSettings(@DefaultValue("0 15 5 * * *") String cron, @DefaultValue("1000") int chunk,
        @DefaultValue("4000") int priorSample, @DefaultValue("0.05") double publishShare,
        @DefaultValue("0") int threads) {

    int parallelism() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

}
