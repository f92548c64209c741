package in.mdm.alert.alert;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import in.mdm.platform.metrics.CountGauge;

/**
 * The twin's pulse, alert side: {@code mdm.alerts.open}, alerts not yet resolved (open or
 * acknowledged) across the country, for the operations dashboard. Every replica reports
 * the same database count; dashboards take the max.
 */
@Component
class AlertPulseMetrics {

    AlertPulseMetrics(AlertRepository alerts, MeterRegistry meters, Clock clock) {
        CountGauge.register(meters, "mdm.alerts.open", "Alerts open or acknowledged, not yet resolved",
                alerts::countUnresolved, Duration.ofMinutes(1), clock);
    }

}
