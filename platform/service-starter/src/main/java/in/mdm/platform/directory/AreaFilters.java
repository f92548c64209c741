package in.mdm.platform.directory;

import java.util.Objects;
import java.util.Optional;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.areas.LgdAreas;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

/**
 * The one check of a list's, an export's or a stream's area filters
 * ({@code districtCode}, {@code blockCode}, {@code udiseCode} and their like) against the
 * caller's jurisdiction. A filter that names an area sharing nothing with the
 * jurisdiction (another district; a block of another district; a school elsewhere, or one
 * the service does not know) is answered 404 {@code area.not-found}, as a read of another
 * area's record is: the caller learns neither that area's data nor whether it exists. A
 * filter wider than the jurisdiction (a block officer naming the own district) passes;
 * the list's own jurisdiction condition narrows it. The state sees every area.
 * <p>
 * A block lies in a district when the LGD lists say so or when the service knows a school
 * of that block in that district (test data and blocks newer than the lists).
 */
public final class AreaFilters {

    private final SchoolPlaces places;

    private final LgdAreas lgd;

    public AreaFilters(SchoolPlaces places) {
        this(places, LgdAreas.india());
    }

    AreaFilters(SchoolPlaces places, LgdAreas lgd) {
        this.places = Objects.requireNonNull(places, "places");
        this.lgd = Objects.requireNonNull(lgd, "lgd");
    }

    /**
     * Refuses with a 404 a filter the caller's jurisdiction shares nothing with; a null
     * or blank filter is no filter.
     */
    public void check(Caller caller, String districtCode, String blockCode, String udiseCode) {
        String outside = firstOutside(caller, districtCode, blockCode, udiseCode);
        if (outside != null) {
            throw ApiException.notFound(PlatformProblems.AREA_NOT_FOUND,
                    outside + " is not found or is outside your area");
        }
    }

    /**
     * Whether the caller's jurisdiction shares something with every area named (the
     * question {@link #check} answers with a 404), for a caller that decides otherwise
     * than with a refusal.
     */
    public boolean shares(Caller caller, String districtCode, String blockCode, String udiseCode) {
        return firstOutside(caller, districtCode, blockCode, udiseCode) == null;
    }

    /** The first area named that the jurisdiction shares nothing with, or null. */
    private String firstOutside(Caller caller, String districtCode, String blockCode, String udiseCode) {
        Jurisdiction jurisdiction = caller == null ? null : caller.jurisdiction();
        String district = blankless(districtCode);
        String block = blankless(blockCode);
        String udise = blankless(udiseCode);
        if (district == null && block == null && udise == null) {
            return null;
        }
        if (jurisdiction != null && jurisdiction.level() == Jurisdiction.Level.STATE) {
            return null;
        }
        if (district != null && !sharesDistrict(jurisdiction, district)) {
            return "District " + district;
        }
        if (block != null && !sharesBlock(jurisdiction, block)) {
            return "Block " + block;
        }
        if (udise != null && !sharesSchool(jurisdiction, udise)) {
            return "School " + udise;
        }
        return null;
    }

    /**
     * The same check for a filter given as a level and a code ({@code scopeLevel=BLOCK
     * &scopeCode=6301}); the state's level passes (the list's own jurisdiction condition
     * narrows it), as does a code without a level.
     */
    public void check(Caller caller, Jurisdiction.Level level, String code) {
        if (level == null || code == null || code.isBlank()) {
            return;
        }
        switch (level) {
            case STATE -> {
            }
            case DISTRICT -> check(caller, code, null, null);
            case BLOCK -> check(caller, null, code, null);
            case SCHOOL -> check(caller, null, null, code);
        }
    }

    private boolean sharesDistrict(Jurisdiction j, String district) {
        if (j == null) {
            return false;
        }
        return switch (j.level()) {
            case STATE -> true;
            case DISTRICT -> j.code().equals(district);
            case BLOCK -> blockIn(district, j.code());
            case SCHOOL -> ownSchool(j).map(s -> district.equals(s.districtCode())).orElse(false);
        };
    }

    private boolean sharesBlock(Jurisdiction j, String block) {
        if (j == null) {
            return false;
        }
        return switch (j.level()) {
            case STATE -> true;
            case DISTRICT -> blockIn(j.code(), block);
            case BLOCK -> j.code().equals(block);
            case SCHOOL -> ownSchool(j).map(s -> block.equals(s.blockCode())).orElse(false);
        };
    }

    private boolean sharesSchool(Jurisdiction j, String udise) {
        if (j == null) {
            return false;
        }
        if (j.level() == Jurisdiction.Level.SCHOOL) {
            return j.code().equals(udise);
        }
        return places.school(udise).map(s -> switch (j.level()) {
            case STATE -> true;
            case DISTRICT -> j.code().equals(s.districtCode());
            case BLOCK -> j.code().equals(s.blockCode());
            case SCHOOL -> false;
        }).orElse(false);
    }

    private boolean blockIn(String district, String block) {
        return lgd.blockName(district, block).isPresent() || places.anySchoolIn(district, block);
    }

    private Optional<SchoolLocations.Location> ownSchool(Jurisdiction j) {
        return places.school(j.code());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
