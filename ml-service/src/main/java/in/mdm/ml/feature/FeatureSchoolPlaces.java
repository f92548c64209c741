package in.mdm.ml.feature;

import java.util.Optional;

import org.springframework.stereotype.Component;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.directory.SchoolPlaces;

/**
 * Where the feature store places each school (school-service's events keep
 * {@code school_features} placed): what the area filters of the lists (risk scores,
 * forecasts, interventions, weather warnings) are checked against.
 */
@Component
class FeatureSchoolPlaces implements SchoolPlaces {

    private final FeatureRepository features;

    FeatureSchoolPlaces(FeatureRepository features) {
        this.features = features;
    }

    @Override
    public Optional<SchoolLocations.Location> school(String udiseCode) {
        return features.place(udiseCode);
    }

    @Override
    public boolean anySchoolIn(String districtCode, String blockCode) {
        return features.anySchoolIn(districtCode, blockCode);
    }

}
