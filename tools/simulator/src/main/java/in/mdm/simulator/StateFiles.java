package in.mdm.simulator;

import java.nio.file.Path;

import in.mdm.simulator.Model.Kitchen;
import in.mdm.simulator.Model.School;
import in.mdm.simulator.Model.Supplier;

/**
 * The register files: schools (UDISE-style, for import), kitchens, which kitchen cooks
 * for which school, suppliers.
 */
final class StateFiles {

    static final String[] SCHOOL_HEADER = { "udise_code", "school_name", "district_code", "district_name", "block_code",
            "block_name", "category", "management", "rural_urban", "pincode", "latitude", "longitude",
            "enrollment_primary", "enrollment_upper_primary" };

    private StateFiles() {
    }

    static void write(Model model, Path out) {
        try (Csv csv = new Csv(out.resolve("schools.csv"), SCHOOL_HEADER)) {
            for (School school : model.schools) {
                csv.row(school.udiseCode(), school.name(), school.district().code(), school.district().name(),
                        school.block().code(), school.block().name(), school.category().label,
                        school.management().label, school.urban() ? "Urban" : "Rural", school.pincode(),
                        Csv.six(school.latitude()), Csv.six(school.longitude()), school.enrollmentPrimary(),
                        school.enrollmentUpperPrimary());
            }
        }
        try (Csv csv = new Csv(out.resolve("kitchens.csv"), "kitchen_code", "hub_udise_code", "district_code",
                "block_code", "latitude", "longitude", "schools", "enrollment_primary", "enrollment_upper_primary",
                "capacity_meals", "supplier_code")) {
            for (Kitchen kitchen : model.kitchens) {
                csv.row(kitchen.code(), kitchen.hub().udiseCode(), kitchen.district().code(), kitchen.block().code(),
                        Csv.six(kitchen.latitude()), Csv.six(kitchen.longitude()), kitchen.schools().size(),
                        kitchen.enrollmentPrimary(), kitchen.enrollmentUpperPrimary(), kitchen.capacity(),
                        kitchen.supplier().code());
            }
        }
        try (Csv csv = new Csv(out.resolve("kitchen-schools.csv"), "kitchen_code", "udise_code", "distance_km")) {
            for (Kitchen kitchen : model.kitchens) {
                for (School school : kitchen.schools()) {
                    double km = Geo.distanceKm(kitchen.latitude(), kitchen.longitude(), school.latitude(),
                            school.longitude());
                    csv.row(kitchen.code(), school.udiseCode(), Csv.fixed(Math.round(km * 1000), 3));
                }
            }
        }
        try (Csv csv = new Csv(out.resolve("suppliers.csv"), "supplier_code", "supplier_name", "kind", "district_code",
                "district_name", "latitude", "longitude", "kitchens")) {
            java.util.Map<String, Integer> kitchensOf = new java.util.HashMap<>();
            model.kitchens.forEach(kitchen -> kitchensOf.merge(kitchen.supplier().code(), 1, Integer::sum));
            for (Supplier supplier : model.suppliers) {
                int kitchens = kitchensOf.getOrDefault(supplier.code(), 0);
                csv.row(supplier.code(), supplier.name(), supplier.kind(), supplier.district().code(),
                        supplier.district().name(), Csv.six(supplier.latitude()), Csv.six(supplier.longitude()),
                        kitchens);
            }
        }
    }

}
