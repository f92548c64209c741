package in.mdm.school.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/**
 * The column positions of a UDISE-style CSV, from its header row: names in any order, any
 * case, spaces or hyphens for underscores; extra columns are ignored.
 */
record ImportHeader(Map<String, Integer> positions) {

    static final List<String> COLUMNS = List.of("udise_code", "school_name", "district_code", "district_name",
            "block_code", "block_name", "category", "management", "rural_urban", "pincode", "latitude", "longitude",
            "enrollment_primary", "enrollment_upper_primary");

    static ImportHeader of(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (COLUMNS.contains(key)) {
                positions.putIfAbsent(key, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("udise_code", "school_name")) {
            if (!positions.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!positions.containsKey("district_code") && !positions.containsKey("district_name")) {
            missing.add("district_code or district_name");
        }
        if (!positions.containsKey("block_code") && !positions.containsKey("block_name")) {
            missing.add("block_code or block_name");
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(SchoolProblems.IMPORT_BAD_HEADER,
                    "The header row lacks the columns " + String.join(", ", missing) + "; it names " + names);
        }
        return new ImportHeader(Map.copyOf(positions));
    }

    boolean has(String column) {
        return positions.containsKey(column);
    }

    /**
     * The cell, stripped; {@code null} when the column is absent, the row short or the
     * cell empty.
     */
    String get(org.apache.commons.csv.CSVRecord record, String column) {
        Integer i = positions.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = record.get(i).strip();
        return value.isEmpty() ? null : value;
    }
}
