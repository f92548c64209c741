package in.mdm.platform.directory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.Role;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Area filters against jurisdictions. Coimbatore (LGD 569) has the LGD block 6102
 * (Annur); the service knows a school of Chennai (568) in block 6301 (not in the lists)
 * and one of Coimbatore in block 6105 (Karamadai).
 */
class AreaFiltersTests {

    static final SchoolLocations.Location CHENNAI_SCHOOL = new SchoolLocations.Location("33020100101", "568", "6301");

    static final SchoolLocations.Location COIMBATORE_SCHOOL = new SchoolLocations.Location("33120100301", "569",
            "6105");

    final AreaFilters filters = new AreaFilters(new SchoolPlaces() {

        final Map<String, SchoolLocations.Location> schools = Map.of(CHENNAI_SCHOOL.udiseCode(), CHENNAI_SCHOOL,
                COIMBATORE_SCHOOL.udiseCode(), COIMBATORE_SCHOOL);

        @Override
        public Optional<SchoolLocations.Location> school(String udiseCode) {
            return Optional.ofNullable(schools.get(udiseCode));
        }

        @Override
        public boolean anySchoolIn(String districtCode, String blockCode) {
            return schools.values()
                .stream()
                .anyMatch(s -> s.districtCode().equals(districtCode) && s.blockCode().equals(blockCode));
        }
    });

    static Caller caller(Jurisdiction jurisdiction) {
        return new Caller("u", "u", Set.of(Role.OFFICER), jurisdiction, Set.of(), "j", "i");
    }

    @Test
    void theStateFiltersByAnyArea() {
        Caller state = caller(new Jurisdiction(Jurisdiction.Level.STATE, "33"));
        assertThatCode(() -> filters.check(state, "569", "6102", "33990100101")).doesNotThrowAnyException();
    }

    @Test
    void aDistrictOfficerFiltersInsideTheDistrictOnly() {
        Caller chennai = caller(Jurisdiction.district("568"));
        assertThatCode(() -> filters.check(chennai, "568", "6301", "33020100101")).doesNotThrowAnyException();
        assertThatCode(() -> filters.check(chennai, null, " ", null)).doesNotThrowAnyException();
        assertOutside(() -> filters.check(chennai, "569", null, null), "District 569");
        assertOutside(() -> filters.check(chennai, null, "6102", null), "Block 6102");
        assertOutside(() -> filters.check(chennai, null, null, "33120100301"), "School 33120100301");
        // a school the service does not know is answered as one outside the area
        assertOutside(() -> filters.check(chennai, null, null, "33990100101"), "School 33990100101");
    }

    @Test
    void aBlockKnownOnlyFromTheListsIsInsideItsDistrict() {
        Caller coimbatore = caller(Jurisdiction.district("569"));
        assertThatCode(() -> filters.check(coimbatore, null, "6102", null)).doesNotThrowAnyException();
        Caller annur = caller(Jurisdiction.block("6102"));
        assertThatCode(() -> filters.check(annur, "569", "6102", null)).doesNotThrowAnyException();
        assertOutside(() -> filters.check(annur, "568", null, null), "District 568");
        assertOutside(() -> filters.check(annur, null, null, "33120100301"), "School 33120100301");
    }

    @Test
    void aBlockOfficerMayNameTheOwnDistrictButNotAnotherBlock() {
        Caller block = caller(Jurisdiction.block("6301"));
        assertThatCode(() -> filters.check(block, "568", "6301", "33020100101")).doesNotThrowAnyException();
        assertOutside(() -> filters.check(block, null, "6302", null), "Block 6302");
        assertOutside(() -> filters.check(block, null, null, "33120100301"), "School 33120100301");
    }

    @Test
    void aHeadmasterNamesOnlyTheOwnSchoolAndItsArea() {
        Caller headmaster = caller(new Jurisdiction(Jurisdiction.Level.SCHOOL, "33020100101"));
        assertThatCode(() -> filters.check(headmaster, "568", "6301", "33020100101")).doesNotThrowAnyException();
        assertOutside(() -> filters.check(headmaster, null, null, "33120100301"), "School 33120100301");
        assertOutside(() -> filters.check(headmaster, "569", null, null), "District 569");
    }

    @Test
    void aLevelAndCodeAreCheckedAsTheAreaTheyName() {
        Caller chennai = caller(Jurisdiction.district("568"));
        assertThatCode(() -> filters.check(chennai, Jurisdiction.Level.BLOCK, "6301")).doesNotThrowAnyException();
        assertThatCode(() -> filters.check(chennai, Jurisdiction.Level.STATE, "33")).doesNotThrowAnyException();
        assertThatCode(() -> filters.check(chennai, null, "569")).doesNotThrowAnyException();
        assertOutside(() -> filters.check(chennai, Jurisdiction.Level.DISTRICT, "569"), "District 569");
        assertOutside(() -> filters.check(chennai, Jurisdiction.Level.BLOCK, "6102"), "Block 6102");
        assertOutside(() -> filters.check(chennai, Jurisdiction.Level.SCHOOL, "33120100301"), "School 33120100301");
    }

    @Test
    void sharesAnswersWhatCheckRefuses() {
        Caller chennai = caller(Jurisdiction.district("568"));
        assertThat(filters.shares(chennai, "568", "6301", "33020100101")).isTrue();
        assertThat(filters.shares(chennai, null, null, null)).isTrue();
        assertThat(filters.shares(chennai, "569", null, null)).isFalse();
        assertThat(filters.shares(chennai, null, "6102", null)).isFalse();
        assertThat(filters.shares(caller(null), "568", null, null)).isFalse();
    }

    @Test
    void aCallerWithoutJurisdictionNamesNoArea() {
        assertOutside(() -> filters.check(caller(null), "568", null, null), "District 568");
    }

    private static void assertOutside(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String area) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(404);
            assertThat(e.code()).isEqualTo(PlatformProblems.AREA_NOT_FOUND);
            assertThat(e.getBody().getDetail()).isEqualTo(area + " is not found or is outside your area");
        });
    }

}
