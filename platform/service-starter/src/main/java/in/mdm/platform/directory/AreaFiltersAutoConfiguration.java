package in.mdm.platform.directory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AreaFilters} for a service that knows where its schools are: through
 * {@link SchoolLocations} or a {@link SchoolPlaces} of its own.
 */
@AutoConfiguration(after = SchoolLocationsAutoConfiguration.class)
@ConditionalOnBean(SchoolPlaces.class)
public class AreaFiltersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AreaFilters areaFilters(SchoolPlaces places) {
        return new AreaFilters(places);
    }

}
