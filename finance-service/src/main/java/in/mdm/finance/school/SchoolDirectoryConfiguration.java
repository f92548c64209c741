package in.mdm.finance.school;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.directory.SchoolPlaces;

/**
 * finance-service keeps its own copy of the schools (the directory, from school-service's
 * events): the area filters of its lists ({@link in.mdm.platform.directory.AreaFilters})
 * place schools and blocks by it.
 */
@Configuration(proxyBeanMethods = false)
class SchoolDirectoryConfiguration {

    @Bean
    SchoolPlaces schoolPlaces(SchoolDirectoryRepository directory) {
        return directory.places();
    }

}
