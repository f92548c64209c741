package in.mdm.ml.risk;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import in.mdm.platform.metrics.CountGauge;

/**
 * The twin's pulse, risk side: {@code mdm.risk.schools.critical}, schools whose latest
 * risk score is CRITICAL, for the operations dashboard. Every replica reports the same
 * database count; dashboards take the max.
 */
@Component
class RiskPulseMetrics {

    RiskPulseMetrics(RiskRepository risks, MeterRegistry meters, Clock clock) {
        CountGauge.register(meters, "mdm.risk.schools.critical", "Schools whose latest risk score is CRITICAL",
                risks::countCritical, Duration.ofMinutes(1), clock);
    }

}
