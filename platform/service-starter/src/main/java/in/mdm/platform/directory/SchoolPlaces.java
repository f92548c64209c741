package in.mdm.platform.directory;

import java.util.Optional;

/**
 * Where a service knows its schools to be: its copy of school-service's places
 * ({@link SchoolLocations}), or, in a service that owns school data, its own tables. What
 * {@link AreaFilters} places a filter's school and block by.
 */
public interface SchoolPlaces {

    /** The school's district and block, or empty when the service does not know it. */
    Optional<SchoolLocations.Location> school(String udiseCode);

    /** Whether the service knows a school of this block in this district. */
    boolean anySchoolIn(String districtCode, String blockCode);

}
