package in.mdm.ml.feature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.directory.SchoolPlaces;

/**
 * Where the feature store places each school (school-service's events keep
 * {@code school_features} placed): what the area filters of the lists (risk scores,
 * forecasts, interventions, weather warnings) are checked against.
 */
@Configuration(proxyBeanMethods = false)
class FeatureSchoolPlaces {

    @Bean
    SchoolPlaces schoolPlaces(FeatureRepository features) {
        return features.places();
    }

}
