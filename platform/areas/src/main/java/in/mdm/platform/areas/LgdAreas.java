package in.mdm.platform.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Names of India's districts and blocks by their LGD codes, from the lists this module
 * ships ({@code lgd/README.md}): for a service that knows areas only by the codes its
 * events carry. A district the list gives no blocks has one block of its own, coded
 * {@code 9} and the district code padded to five digits, named after the district (as
 * school-service's master data has it). Names are given as people write them
 * ("Kancheepuram", not the list's "KANCHEEPURAM"). Loaded once, immutable, thread-safe.
 */
public final class LgdAreas {

    private static final Set<String> SMALL_WORDS = Set.of("and", "of", "the", "in");

    private final Map<String, String> districts;

    private final Map<String, String> blocks;

    private final Map<String, String> blocksOfDistricts;

    private final Map<String, String> states;

    private LgdAreas(Map<String, String> states, Map<String, String> districts, Map<String, String> blocks,
            Map<String, String> blocksOfDistricts) {
        this.states = Map.copyOf(states);
        this.districts = Map.copyOf(districts);
        this.blocks = Map.copyOf(blocks);
        this.blocksOfDistricts = Map.copyOf(blocksOfDistricts);
    }

    private static final class Holder {

        static final LgdAreas INDIA = load();

    }

    /** All of India, read from the class path on first use. */
    public static LgdAreas india() {
        return Holder.INDIA;
    }

    /** The state's name for its LGD code ("33" is Tamil Nadu). */
    public Optional<String> stateName(String code) {
        return Optional.ofNullable(code == null ? null : states.get(code.strip()));
    }

    /** The district's name for its LGD code. */
    public Optional<String> districtName(String code) {
        return Optional.ofNullable(code == null ? null : districts.get(code.strip()));
    }

    /**
     * The block's name for its LGD code (or a district's own block code). A few codes
     * name a block in two districts (Assam): the first listed is given; prefer
     * {@link #blockName(String, String)} where the district is known.
     */
    public Optional<String> blockName(String code) {
        return Optional.ofNullable(code == null ? null : blocks.get(code.strip()));
    }

    /**
     * The name of the block of this code in this district; empty when it has none such.
     */
    public Optional<String> blockName(String districtCode, String blockCode) {
        if (districtCode == null || blockCode == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(blocksOfDistricts.get(districtCode.strip() + ":" + blockCode.strip()));
    }

    /** How many districts the lists hold. */
    public int districtCount() {
        return districts.size();
    }

    /** How many blocks, with the districts' own blocks. */
    public int blockCount() {
        return blocks.size();
    }

    /**
     * A name from the lists as people write it: each word capitalised, the small joining
     * words lower-case but first, and what follows a hyphen or a bracket capitalised too.
     */
    static String display(String listed) {
        String lower = listed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int wordStart = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || lower.charAt(i) == ' ') {
                String word = lower.substring(wordStart, i);
                if (wordStart > 0) {
                    out.append(' ');
                }
                out.append(wordStart > 0 && SMALL_WORDS.contains(word) ? word : capitalise(word));
                wordStart = i + 1;
            }
        }
        return out.toString();
    }

    private static String capitalise(String word) {
        StringBuilder out = new StringBuilder(word);
        boolean start = true;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (start && Character.isLetter(c)) {
                out.setCharAt(i, Character.toUpperCase(c));
            }
            start = c == '-' || c == '(' || c == '/' || c == '.';
        }
        return out.toString();
    }

    private static LgdAreas load() {
        Map<String, String> states = new HashMap<>();
        Map<String, String> districts = new HashMap<>();
        Map<String, String> blocks = new HashMap<>();
        Map<String, String> blocksOfDistricts = new HashMap<>();
        Set<String> districtsWithBlocks = new HashSet<>();
        read("lgd/india-districts.csv", row -> {
            states.putIfAbsent(row.get("State Code").strip(), display(row.get("State Name")));
            districts.put(row.get("District Code").strip(), display(row.get("District Name")));
        });
        // columns by position: the list names two columns "Block Name"
        read("lgd/india-blocks.csv", row -> {
            String district = row.get(3).strip();
            String name = display(row.get(7));
            districtsWithBlocks.add(district);
            blocks.putIfAbsent(row.get(5).strip(), name);
            blocksOfDistricts.put(district + ":" + row.get(5).strip(), name);
        });
        districts.forEach((code, name) -> {
            if (!districtsWithBlocks.contains(code)) {
                blocks.putIfAbsent(ownBlockCode(code), name);
                blocksOfDistricts.put(code + ":" + ownBlockCode(code), name);
            }
        });
        return new LgdAreas(states, districts, blocks, blocksOfDistricts);
    }

    /** The code of the one block a district without LGD blocks has of its own. */
    public static String ownBlockCode(String districtCode) {
        String code = districtCode.strip();
        return "9" + "0".repeat(Math.max(0, 5 - code.length())) + code;
    }

    private static void read(String path, Consumer<CSVRecord> row) {
        try (InputStream in = LgdAreas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setTrim(true)
                .get()
                .parse(reader)
                .forEach(row);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + path, ex);
        }
    }

}
