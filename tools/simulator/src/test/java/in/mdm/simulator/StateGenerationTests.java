package in.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateGenerationTests {

    private static final List<String> FILES = List.of("schools.csv", "kitchens.csv", "kitchen-schools.csv",
            "suppliers.csv", "daily-reports.csv", "deliveries.csv", "stock.csv", "truth.csv");

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherData(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path other = dir.resolve("other");
        for (Path out : List.of(first, second)) {
            Generated.run("--state", "Kerala", "--seed", "42", "--days", "6", "--end", "2026-07-10", "--out",
                    out.toString());
        }
        Generated.run("--state", "32", "--seed", "43", "--days", "6", "--end", "2026-07-10", "--out", other.toString());

        for (String file : FILES) {
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file).isEqualTo(-1L);
            assertThat(Files.size(first.resolve(file))).as(file).isGreaterThan(200);
        }
        for (String file : List.of("schools.csv", "daily-reports.csv", "truth.csv", "deliveries.csv")) {
            assertThat(Files.mismatch(first.resolve(file), other.resolve(file))).as(file).isNotEqualTo(-1L);
        }
    }

    @Test
    void tamilNaduHasItsLgdDistrictsAndBlocksAndAbout44000Schools() {
        List<CSVRecord> schools = Generated.read(Generated.tamilNadu().resolve("schools.csv"));
        Set<String> districts = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        schools.forEach(school -> {
            districts.add(school.get("district_code"));
            blocks.add(school.get("block_code"));
        });

        assertThat(districts).hasSize(38).contains("568", "735", "610");
        assertThat(blocks).hasSize(388 + 2).contains("9568", "9735", "6255");
        assertThat(schools.size()).isBetween(43_000, 45_000);
        assertThat(schools.getFirst().toMap().keySet()).containsExactly(StateFiles.SCHOOL_HEADER);
        long eligible = schools.stream().filter(school -> !school.get("management").equals("Private Unaided")).count();
        assertThat((double) eligible).isCloseTo(43_131, within(1_500.0));
    }

    @Test
    void udiseCodesAreElevenDigitsUniqueAndCarryStateDistrictAndBlock() {
        List<CSVRecord> schools = Generated.read(Generated.tamilNadu().resolve("schools.csv"));
        Set<String> codes = new HashSet<>();
        Map<String, String> districtOfPrefix = new HashMap<>();
        Map<String, String> blockOfPrefix = new HashMap<>();
        for (CSVRecord school : schools) {
            String code = school.get("udise_code");
            assertThat(code).matches("33\\d{9}");
            assertThat(codes.add(code)).as("unique " + code).isTrue();
            // the same four/six leading digits always mean the same district/block
            assertThat(districtOfPrefix.computeIfAbsent(code.substring(0, 4), p -> school.get("district_code")))
                .isEqualTo(school.get("district_code"));
            assertThat(blockOfPrefix.computeIfAbsent(code.substring(0, 6), p -> school.get("block_code")))
                .isEqualTo(school.get("block_code"));
        }
        assertThat(districtOfPrefix).hasSize(38);
        assertThat(blockOfPrefix).hasSize(390);
    }

    @Test
    void schoolsLieInsideTheirDistrictsArea() {
        Geography geography = Geography.of(Geography.state("33").orElseThrow());
        Map<String, Geography.District> districts = Geography.byCode(geography.districts(), Geography.District::code);
        for (CSVRecord school : Generated.read(Generated.tamilNadu().resolve("schools.csv"))) {
            Geography.District district = districts.get(school.get("district_code"));
            double lat = Double.parseDouble(school.get("latitude"));
            double lon = Double.parseDouble(school.get("longitude"));
            assertThat(Geo.distanceKm(district.latitude(), district.longitude(), lat, lon))
                .as(school.get("udise_code") + " in " + district.name())
                .isLessThanOrEqualTo(district.radiusKm() + 0.05);
            double latSpan = district.radiusKm() / Geo.KM_PER_DEGREE + 0.001;
            assertThat(lat).isBetween(district.latitude() - latSpan, district.latitude() + latSpan);
            assertThat(school.get("pincode")).matches("6[0-4]\\d{4}");
        }
    }

    @Test
    void enrollmentsCategoriesAndManagementLookLikeTheRegister() {
        List<CSVRecord> schools = Generated.read(Generated.tamilNadu().resolve("schools.csv"));
        int[] primaryOnly = schools.stream()
            .filter(school -> school.get("category").equals("Primary"))
            .mapToInt(school -> Integer.parseInt(school.get("enrollment_primary")))
            .sorted()
            .toArray();
        assertThat(primaryOnly[primaryOnly.length / 2]).isBetween(40, 120);
        assertThat(primaryOnly[primaryOnly.length / 10]).isGreaterThanOrEqualTo(20);
        assertThat(primaryOnly[primaryOnly.length * 9 / 10]).isBetween(100, 300);
        assertThat(primaryOnly[primaryOnly.length - 1]).isGreaterThan(500);
        assertThat(schools.stream()
            .filter(school -> school.get("category").equals("Primary"))
            .allMatch(school -> school.get("enrollment_upper_primary").equals("0"))).isTrue();
        assertThat(schools.stream()
            .filter(school -> school.get("category").equals("Upper Primary only"))
            .allMatch(school -> school.get("enrollment_primary").equals("0"))).isTrue();
        assertThat(schools.stream().map(school -> school.get("category")).distinct())
            .containsExactlyInAnyOrder("Primary", "Primary with Upper Primary", "Upper Primary only");
        Map<String, Long> management = new HashMap<>();
        schools.forEach(school -> management.merge(school.get("management"), 1L, Long::sum));
        assertThat(management).containsOnlyKeys("Department of Education", "Government Aided", "Local body",
                "Private Unaided");
        assertThat(management.get("Department of Education")).isGreaterThan(schools.size() / 2L);
        long rural = schools.stream().filter(school -> school.get("rural_urban").equals("Rural")).count();
        assertThat(rural).isBetween(schools.size() * 6L / 10, schools.size() * 9L / 10);
        List<CSVRecord> chennai = schools.stream().filter(school -> school.get("district_code").equals("568")).toList();
        assertThat(chennai.stream().filter(school -> school.get("rural_urban").equals("Urban")).count())
            .isGreaterThan(chennai.size() * 9L / 10);
    }

    @Test
    void everyEligibleSchoolHasOneNearbyKitchenAndEveryKitchenASupplierOfItsDistrict() {
        Path dir = Generated.tamilNadu();
        Map<String, String> kitchenOf = new HashMap<>();
        for (CSVRecord row : Generated.read(dir.resolve("kitchen-schools.csv"))) {
            assertThat(kitchenOf.put(row.get("udise_code"), row.get("kitchen_code"))).isNull();
            assertThat(Double.parseDouble(row.get("distance_km"))).isLessThan(40);
        }
        Map<String, String> supplierDistrict = new HashMap<>();
        Generated.read(dir.resolve("suppliers.csv"))
            .forEach(s -> supplierDistrict.put(s.get("supplier_code"), s.get("district_code")));
        for (CSVRecord kitchen : Generated.read(dir.resolve("kitchens.csv"))) {
            assertThat(supplierDistrict.get(kitchen.get("supplier_code"))).isEqualTo(kitchen.get("district_code"));
            assertThat(Integer.parseInt(kitchen.get("schools"))).isBetween(3, 20);
        }
        try (Stream<CSVRecord> schools = Generated.read(dir.resolve("schools.csv")).stream()) {
            schools.forEach(
                    school -> assertThat(kitchenOf.containsKey(school.get("udise_code"))).as(school.get("udise_code"))
                        .isEqualTo(!school.get("management").equals("Private Unaided")));
        }
    }

    @Test
    void otherStatesAndAllOfIndiaScale() {
        Geography india = Geography.all();
        assertThat(india.covered()).hasSize(36);
        assertThat(india.districts().size()).isGreaterThan(700);
        Model model = new StateGenerator(1, 0.01)
            .generate(Geography.of(Geography.state("uttar pradesh").orElseThrow()));
        assertThat(model.schools).isNotEmpty().allSatisfy(school -> assertThat(school.udiseCode()).matches("09\\d{9}"));
        assertThat(model.schools.size()).isCloseTo((int) Math.round(828 * StateGenerator.SCHOOLS_PER_BLOCK * 0.01),
                within(1));
    }

}
