package in.mdm.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service: the system clock in the programme's zone,
 * Asia/Kolkata. Services take it by constructor and read instants from it
 * ({@code clock.instant()}); a calendar date names its zone,
 * {@code LocalDate.now(clock.withZone(INDIA))}, so that it is the Indian date whatever
 * the zone of a clock a test defines (a test that needs a fixed time defines a
 * {@code Clock} bean of its own, and this one backs off).
 */
@AutoConfiguration
public class TimePlatformAutoConfiguration {

    /**
     * The programme's time zone: school days, cut-off hours and schedules are Indian
     * Standard Time.
     */
    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(INDIA);
    }

}
