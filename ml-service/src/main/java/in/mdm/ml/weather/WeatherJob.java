package in.mdm.ml.weather;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every district's forecast every {@code mdm.weather.every} (6 hours), on one replica at
 * a time; off when {@code mdm.weather.enabled} is false.
 */
@Component
@ConditionalOnProperty(name = "mdm.weather.enabled", havingValue = "true", matchIfMissing = true)
class WeatherJob {

    private final WeatherService weather;

    WeatherJob(WeatherService weather) {
        this.weather = weather;
    }

    @Scheduled(fixedDelayString = "${mdm.weather.every:PT6H}", initialDelayString = "${mdm.weather.initial-delay:PT2M}")
    @SchedulerLock(name = "ml.weather", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    void refresh() {
        weather.refreshAll();
    }

}
