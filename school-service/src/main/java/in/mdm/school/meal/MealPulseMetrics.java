package in.mdm.school.meal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import in.mdm.platform.metrics.CountGauge;
import in.mdm.platform.time.TimePlatformAutoConfiguration;

/**
 * The twin's pulse, school side: {@code mdm.meals.reports.today}, daily meal reports
 * received for today's date (Indian Standard Time), for the operations dashboard and the
 * reporting-rate alert, and {@code mdm.schools.registered}, the schools that should
 * report (counted every ten minutes: the directory changes with imports, not by the
 * minute). Every replica reports the same database count; dashboards take the max.
 */
@Component
class MealPulseMetrics {

    MealPulseMetrics(ReportingRateRepository reports, MeterRegistry meters, Clock clock) {
        CountGauge.register(meters, "mdm.meals.reports.today", "Daily meal reports received for today (IST)",
                () -> reports.countReports(LocalDate.now(clock.withZone(TimePlatformAutoConfiguration.INDIA))),
                Duration.ofMinutes(1), clock);
        CountGauge.register(meters, "mdm.schools.registered", "Schools in the directory, each expected to report",
                reports::countSchools, Duration.ofMinutes(10), clock);
    }

}
