package in.mdm.school.school;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The classes a school teaches (UDISE+ school categories); PM POSHAN covers its primary
 * (I-V) and upper primary (VI-VIII) classes.
 */
public enum SchoolCategory {

    PRIMARY(true, false), UPPER_PRIMARY(false, true), PRIMARY_WITH_UPPER_PRIMARY(true, true),
    PRIMARY_TO_HIGHER_SECONDARY(true, true), UPPER_PRIMARY_TO_HIGHER_SECONDARY(false, true),
    PRIMARY_TO_SECONDARY(true, true), UPPER_PRIMARY_WITH_SECONDARY(false, true), SECONDARY_ONLY(false, false);

    private final boolean primary;

    private final boolean upperPrimary;

    SchoolCategory(boolean primary, boolean upperPrimary) {
        this.primary = primary;
        this.upperPrimary = upperPrimary;
    }

    public boolean teachesPrimary() {
        return primary;
    }

    public boolean teachesUpperPrimary() {
        return upperPrimary;
    }

    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");

    /** UDISE's spellings of the levels, in order, and the word each becomes. */
    private static final Pattern[] WORDS = { Pattern.compile(" h(igher)? ?sec(ondary)? "),
            Pattern.compile(" hr sec(ondary)? "), Pattern.compile(" up(per)? ?pr(i|imary)? "),
            Pattern.compile(" u ?p "), Pattern.compile(" pr(i|imary)? "), Pattern.compile(" sec(ondary)? ") };

    private static final String[] WORD_KEYS = { " hsec ", " hsec ", " upri ", " upri ", " pri ", " sec " };

    /**
     * A UDISE+ category label ("Primary with Upper Primary", "Upper Pri. and Secondary",
     * "Pr. with Up.Pr. Sec. and H.Sec."), its code (1-11) or our own name.
     * @return the category, or {@code null} if the text names none
     */
    public static SchoolCategory parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        switch (t) {
            case "1":
                return PRIMARY;
            case "2":
                return PRIMARY_WITH_UPPER_PRIMARY;
            case "3":
                return PRIMARY_TO_HIGHER_SECONDARY;
            case "4":
                return UPPER_PRIMARY;
            case "5":
                return UPPER_PRIMARY_TO_HIGHER_SECONDARY;
            case "6":
                return PRIMARY_TO_SECONDARY;
            case "7":
                return UPPER_PRIMARY_WITH_SECONDARY;
            case "8", "10", "11":
                return SECONDARY_ONLY;
            default:
                break;
        }
        String upper = t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (SchoolCategory c : values()) {
            if (c.name().equals(upper)) {
                return c;
            }
        }
        String s = " " + NOT_LETTERS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (int i = 0; i < WORDS.length; i++) {
            s = WORDS[i].matcher(s).replaceAll(WORD_KEYS[i]);
        }
        boolean pri = s.contains(" pri ");
        boolean upri = s.contains(" upri ");
        boolean sec = s.contains(" sec ");
        boolean hsec = s.contains(" hsec ");
        if (!pri && !upri) {
            return sec || hsec ? SECONDARY_ONLY : null;
        }
        if (pri && !upri) {
            // "Primary" alone; a primary with secondary classes but no upper primary does
            // not exist in UDISE
            return sec || hsec ? null : PRIMARY;
        }
        if (hsec) {
            return pri ? PRIMARY_TO_HIGHER_SECONDARY : UPPER_PRIMARY_TO_HIGHER_SECONDARY;
        }
        if (sec) {
            return pri ? PRIMARY_TO_SECONDARY : UPPER_PRIMARY_WITH_SECONDARY;
        }
        return pri ? PRIMARY_WITH_UPPER_PRIMARY : UPPER_PRIMARY;
    }

}
