package in.mdm.optimization.scenario;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute, one replica marks FAILED the what-if jobs whose instance stopped. */
@Component
class ScenarioSweepJob {

    private final ScenarioService scenarios;

    ScenarioSweepJob(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @Scheduled(fixedDelayString = "${mdm.optimization.scenario.sweep-every:PT1M}",
            initialDelayString = "${mdm.optimization.scenario.sweep-every:PT1M}")
    @SchedulerLock(name = "optimization.scenario-sweep", lockAtMostFor = "PT5M")
    void sweep() {
        scenarios.failStale();
    }

}
