package in.mdm.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real administrative frame the synthetic state is laid on: LGD states, districts and
 * blocks (bundled extracts, see {@code lgd/README.md}) and an approximate area per
 * district (centre and radius) inside which schools are placed.
 */
final class Geography {

    /**
     * An LGD state with the approximate circle it is drawn in and its range of PIN code
     * prefixes.
     */
    record State(int code, String name, double latitude, double longitude, double radiusKm, int pinFrom, int pinTo) {

        /** Two digits, as in UDISE codes. */
        String udisePrefix() {
            return String.format(Locale.ROOT, "%02d", code);
        }
    }

    /**
     * @param udiseIndex the two UDISE digits of the district inside its state (01, 02,
     * ... by name)
     * @param radiusKm schools lie within this distance of the centre
     */
    record District(State state, String code, String name, int udiseIndex, double latitude, double longitude,
            double radiusKm, boolean metropolitan, List<Block> blocks) {

        String udisePrefix() {
            return state.udisePrefix() + String.format(Locale.ROOT, "%02d", udiseIndex);
        }
    }

    /**
     * @param udiseIndex the two UDISE digits of the block inside its district
     * @param ownBlock whether the LGD list has no block for this district and the
     * simulator gave it one
     */
    record Block(String code, String name, int udiseIndex, boolean ownBlock) {
    }

    /**
     * Blocks for a district the LGD list gives none: 9 followed by the district's LGD
     * code.
     */
    static String ownBlockCode(String districtCode) {
        return "9" + districtCode;
    }

    private static final List<String> METROPOLITAN = List.of("CHENNAI", "MUMBAI", "MUMBAI SUBURBAN", "KOLKATA",
            "HYDERABAD", "BENGALURU URBAN", "BANGALORE URBAN");

    private final List<State> states;

    private final List<District> districts;

    private Geography(List<State> states, List<District> districts) {
        this.states = states;
        this.districts = districts;
    }

    /** The states covered, by code. */
    List<State> covered() {
        return states;
    }

    List<District> districts(State state) {
        return districts.stream().filter(district -> district.state().equals(state)).toList();
    }

    /** Every state of the bundled list together. */
    static Geography all() {
        List<State> states = states();
        List<District> districts = new ArrayList<>();
        for (State state : states) {
            districts.addAll(of(state).districts());
        }
        return new Geography(states, List.copyOf(districts));
    }

    List<District> districts() {
        return districts;
    }

    int blockCount() {
        return districts.stream().mapToInt(district -> district.blocks().size()).sum();
    }

    /** Every LGD state in the bundled list, ordered by code. */
    static List<State> states() {
        Map<Integer, String[]> areas = new HashMap<>();
        for (CSVRecord row : read("areas/state-areas.csv")) {
            areas.put(Integer.parseInt(row.get(0)), row.values());
        }
        List<State> states = new ArrayList<>();
        for (CSVRecord row : read("lgd/india-states.csv")) {
            int code = Integer.parseInt(row.get(1).trim());
            String[] area = areas.get(code);
            if (area == null) {
                throw new IllegalStateException("no area for LGD state " + code + " in areas/state-areas.csv");
            }
            states.add(new State(code, area[1], Double.parseDouble(area[2]), Double.parseDouble(area[3]),
                    Double.parseDouble(area[4]), Integer.parseInt(area[5]), Integer.parseInt(area[6])));
        }
        states.sort(Comparator.comparingInt(State::code));
        return states;
    }

    /** A state by LGD code ({@code 33}) or name ({@code tamil nadu}, any case). */
    static Optional<State> state(String codeOrName) {
        String wanted = codeOrName.trim();
        return states().stream()
            .filter(state -> wanted.matches("\\d+") ? state.code() == Integer.parseInt(wanted)
                    : state.name().equalsIgnoreCase(wanted.replace('-', ' ').replace('_', ' ')))
            .findFirst();
    }

    /** The districts and blocks of one state. */
    static Geography of(State state) {
        boolean tamilNadu = state.code() == 33;
        Map<String, List<String[]>> blocksByDistrict = new HashMap<>();
        for (CSVRecord row : read(tamilNadu ? "lgd/tamil-nadu-blocks.csv" : "lgd/india-blocks.csv")) {
            if (Integer.parseInt(row.get(1).trim()) == state.code()) {
                blocksByDistrict.computeIfAbsent(row.get(3).trim(), code -> new ArrayList<>())
                    .add(new String[] { row.get(5).trim(), titleCase(row.get(7)) });
            }
        }
        Map<String, String[]> areas = new HashMap<>();
        if (tamilNadu) {
            for (CSVRecord row : read("areas/district-areas-33.csv")) {
                areas.put(row.get(0), row.values());
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (CSVRecord row : read(tamilNadu ? "lgd/tamil-nadu-districts.csv" : "lgd/india-districts.csv")) {
            if (Integer.parseInt(row.get(0).trim()) == state.code()) {
                rows.add(new String[] { row.get(2).trim(), titleCase(row.get(3)) });
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no districts for LGD state " + state.code());
        }
        rows.sort(Comparator.comparing((String[] row) -> row[1]).thenComparing(row -> row[0]));
        if (rows.size() > 99) {
            throw new IllegalStateException(state.name() + " has more than 99 districts");
        }
        List<District> districts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i)[0];
            String name = rows.get(i)[1];
            List<String[]> lgdBlocks = new ArrayList<>(blocksByDistrict.getOrDefault(code, List.of()));
            List<Block> blocks = new ArrayList<>();
            if (lgdBlocks.isEmpty()) {
                blocks.add(new Block(ownBlockCode(code), name, 1, true));
            }
            else {
                lgdBlocks.sort(Comparator.comparing((String[] block) -> block[1]).thenComparing(block -> block[0]));
                if (lgdBlocks.size() > 99) {
                    throw new IllegalStateException(name + " has more than 99 blocks");
                }
                for (int b = 0; b < lgdBlocks.size(); b++) {
                    blocks.add(new Block(lgdBlocks.get(b)[0], lgdBlocks.get(b)[1], b + 1, false));
                }
            }
            double[] circle = areas.containsKey(code) ? new double[] { Double.parseDouble(areas.get(code)[2]),
                    Double.parseDouble(areas.get(code)[3]), Double.parseDouble(areas.get(code)[4]) }
                    : syntheticCircle(state, i, rows.size());
            // Chandigarh and Delhi are cities through and through
            boolean metropolitan = METROPOLITAN.contains(name.toUpperCase(Locale.ROOT)) || state.code() == 4
                    || state.code() == 7;
            districts.add(new District(state, code, name, i + 1, circle[0], circle[1], circle[2], metropolitan,
                    List.copyOf(blocks)));
        }
        return new Geography(List.of(state), List.copyOf(districts));
    }

    /**
     * Where no district areas are bundled: the districts tile the state's circle on a
     * sunflower (Vogel) spiral, each a circle of the same area share. Synthetic, but
     * every district is inside its state and apart from the others.
     */
    static double[] syntheticCircle(State state, int index, int count) {
        double golden = Math.PI * (3 - Math.sqrt(5));
        double r = state.radiusKm() * Math.sqrt((index + 0.5) / count) * 0.85;
        double theta = index * golden;
        double radius = state.radiusKm() / Math.sqrt(count) * 0.8;
        double north = r * Math.cos(theta);
        double east = r * Math.sin(theta);
        return new double[] { state.latitude() + north / Geo.KM_PER_DEGREE,
                state.longitude() + east / (Geo.KM_PER_DEGREE * Math.cos(Math.toRadians(state.latitude()))), radius };
    }

    static String titleCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : name.trim().replaceAll("\\s+", " ").toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '(' || c == '.';
        }
        return out.toString();
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = Geography.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // by position: the LGD block list repeats a column name
                return CSVFormat.DEFAULT.builder()
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(reader)
                    .stream()
                    .skip(1)
                    .toList();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    /** Entries by code, in the order given. */
    static <T> Map<String, T> byCode(List<T> items, java.util.function.Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(code.apply(item), item));
        return map;
    }

}
