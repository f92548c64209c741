package in.mdm.ml.cascade;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Assesses the districts with recent supply reports every {@code mdm.ml.cascade.interval}
 * (once across replicas) and publishes what changed. A schedule rather than a consumer:
 * stock reports age (a low report's days run down), and the feature store's consumers
 * write the facts in whatever order their events come.
 */
@Component
@EnableConfigurationProperties(CascadeSettings.class)
class CascadeJob {

    private final CascadeService cascades;

    CascadeJob(CascadeService cascades) {
        this.cascades = cascades;
    }

    @Scheduled(fixedDelayString = "${mdm.ml.cascade.interval:PT60S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "ml.cascade", lockAtMostFor = "PT10M")
    void run() {
        cascades.evaluateAll();
    }

}
