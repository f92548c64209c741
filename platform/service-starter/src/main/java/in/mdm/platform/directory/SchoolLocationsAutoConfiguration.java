package in.mdm.platform.directory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.events.EventsPlatformAutoConfiguration;

/**
 * With {@code mdm.school-locations.enabled=true} a service keeps {@link SchoolLocations},
 * its copy of where every school is, from school-service's events.
 */
@AutoConfiguration(after = EventsPlatformAutoConfiguration.class)
@ConditionalOnProperty(name = "mdm.school-locations.enabled", havingValue = "true")
public class SchoolLocationsAutoConfiguration {

    @Bean
    SchoolLocations schoolLocations(JdbcClient jdbc) {
        return new SchoolLocations(jdbc);
    }

    @Bean
    SchoolLocationsEventListener schoolLocationsEventListener(SchoolLocations locations) {
        return new SchoolLocationsEventListener(locations);
    }

}
