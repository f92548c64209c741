package in.mdm.school.masterdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How district and block names are written in UDISE files and how they are matched: the
 * {@link NameKey name keys} to try for a name, most exact first (the name as it is, then
 * without bracketed parts, a leading "The" or a trailing "District" / "Dist" / "Dt" for a
 * district, "Block" / "Blk" / "CD Block", and last "Rural" / "Urban", for a block; then
 * each bracketed part on its own), and the closest known name for one that matches none.
 */
public final class PlaceNames {

    /** A known name and the keys it is matched by. */
    public record Known(String name, List<String> keys) {

        /** A district name, by {@link #districtKeys}. */
        public static Known district(String name) {
            return new Known(name, districtKeys(name));
        }

        /** A block name, by {@link #blockKeys}. */
        public static Known block(String name) {
            return new Known(name, blockKeys(name));
        }

    }

    /** Jaro-Winkler similarity of the keys at least this for a suggestion. */
    static final double MIN_SIMILARITY = 0.85;

    private static final Pattern BRACKETED = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");

    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");

    private static final Pattern DISTRICT_SUFFIX = Pattern.compile("(?i)[\\s,.-]+(district|dist|dt|zilla)\\.?$");

    private static final Pattern BLOCK_SUFFIX = Pattern
        .compile("(?i)[\\s,.-]+((c\\.?\\s?d\\.?|dev\\.?|development)\\s+)?(block|blk)\\.?$");

    private static final Pattern AREA = Pattern.compile("(?i)\\s*(rural|urban)\\s*");

    private static final Pattern AREA_SUFFIX = Pattern.compile("(?i)[\\s,.-]+(rural|urban)$");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private PlaceNames() {
    }

    /** The keys to try for a district name, most exact first; empty for a blank name. */
    public static List<String> districtKeys(String name) {
        return keys(name, DISTRICT_SUFFIX, null);
    }

    /** The keys to try for a block name, most exact first; empty for a blank name. */
    public static List<String> blockKeys(String name) {
        return keys(name, BLOCK_SUFFIX, AREA_SUFFIX);
    }

    private static List<String> keys(String name, Pattern suffix, Pattern lastResort) {
        Set<String> keys = new LinkedHashSet<>();
        if (name == null || name.isBlank()) {
            return List.of();
        }
        add(keys, name);
        List<String> parts = new ArrayList<>();
        Matcher bracketed = BRACKETED.matcher(name);
        while (bracketed.find()) {
            parts.add(bracketed.group(1));
        }
        String outside = bracketed.replaceAll(" ").strip();
        String plain = strip(outside, suffix);
        add(keys, outside);
        add(keys, plain);
        for (String part : parts) {
            if (!AREA.matcher(part).matches()) {
                add(keys, strip(part, suffix));
            }
        }
        if (lastResort != null) {
            add(keys, lastResort.matcher(plain).replaceAll(""));
        }
        return List.copyOf(keys);
    }

    private static String strip(String name, Pattern suffix) {
        String s = LEADING_THE.matcher(name.strip()).replaceAll("");
        String before;
        do {
            before = s;
            s = suffix.matcher(s).replaceAll("").strip();
        }
        while (!s.equals(before) && !s.isEmpty());
        return s;
    }

    private static void add(Set<String> keys, String name) {
        String key = NameKey.of(name);
        if (key != null) {
            keys.add(key);
        }
    }

    /**
     * The known name closest to {@code name}: the highest Jaro-Winkler similarity of the
     * keys, at least {@value #MIN_SIMILARITY}, and at most a third of the key's letters
     * to change (Levenshtein); {@code null} when none is that close.
     */
    public static String closest(String name, List<String> keysOfName, Collection<Known> known) {
        if (name == null || keysOfName.isEmpty()) {
            return null;
        }
        String best = null;
        double bestScore = 0;
        for (String key : keysOfName) {
            int maxEdits = Math.max(1, key.length() / 3);
            for (Known k : known) {
                for (String knownKey : k.keys()) {
                    double score = JARO_WINKLER.apply(key, knownKey);
                    if (score >= MIN_SIMILARITY && score > bestScore && LEVENSHTEIN.apply(key, knownKey) <= maxEdits) {
                        best = k.name();
                        bestScore = score;
                    }
                }
            }
        }
        return best;
    }

}
