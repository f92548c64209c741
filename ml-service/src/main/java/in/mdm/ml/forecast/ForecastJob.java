package in.mdm.ml.forecast;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily forecast of all schools, on one replica at a time. */
@Component
class ForecastJob {

    private final ForecastService forecasts;

    ForecastJob(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @Scheduled(cron = "${mdm.ml.forecast.cron:0 15 5 * * *}", zone = "Asia/Kolkata")
    @SchedulerLock(name = "ml.forecast", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void daily() {
        forecasts.runNow("daily forecast");
    }

}
