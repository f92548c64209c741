package in.mdm.school.masterdata;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A place name reduced for matching: case, spaces, punctuation and diacritics ignored,
 * and the common transliteration variants of Indian names folded together ("Kancheepuram"
 * = "Kanchipuram", "Tiruchirappalli" = "Tiruchirapalli", "Thoothukudi" = "Toothukudi",
 * "Villupuram" = "Viluppuram").
 */
public final class NameKey {

    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Z0-9]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private NameKey() {
    }

    /**
     * @return the key, or {@code null} for a blank name
     */
    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = NOT_LETTER.matcher(s.toUpperCase(Locale.ROOT)).replaceAll("");
        s = s.replace("TH", "T")
            .replace("DH", "D")
            .replace("KH", "K")
            .replace("BH", "B")
            .replace("GH", "G")
            .replace("PH", "P")
            .replace("CH", "C")
            .replace("SH", "S")
            .replace("EE", "I")
            .replace("OO", "U")
            .replace("W", "V")
            .replace("Y", "I");
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (folded.isEmpty() || folded.charAt(folded.length() - 1) != c) {
                folded.append(c);
            }
        }
        return folded.isEmpty() ? null : folded.toString();
    }

}
