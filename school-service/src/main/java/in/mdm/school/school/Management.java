package in.mdm.school.school;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who runs the school; government, aided and local-body schools are eligible for PM
 * POSHAN.
 */
public enum Management {

    GOVERNMENT, AIDED, LOCAL_BODY, PRIVATE_UNAIDED, OTHER;

    public boolean pmPoshanEligible() {
        return this == GOVERNMENT || this == AIDED || this == LOCAL_BODY;
    }

    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");

    /**
     * A UDISE+ management label ("Department of Education", "Government Aided", "Local
     * body", "Private Unaided (Recognized)"), its code or our own name.
     * @return the management, or {@code null} if the text names none
     */
    public static Management parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        switch (t) {
            case "1", "2", "7", "92", "93", "94", "95", "96", "101":
                return GOVERNMENT;
            case "3":
                return LOCAL_BODY;
            case "4", "97":
                return AIDED;
            case "5":
                return PRIVATE_UNAIDED;
            case "6", "8", "98", "99":
                return OTHER;
            default:
                break;
        }
        String s = NOT_LETTERS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        switch (s) {
            case "government", "govt", "gov", "g":
                return GOVERNMENT;
            case "aided", "a", "govt aided":
                return AIDED;
            case "local body", "lb", "local_body":
                return LOCAL_BODY;
            case "private unaided", "private", "pvt", "p", "private_unaided", "unaided":
                return PRIVATE_UNAIDED;
            case "other", "others":
                return OTHER;
            default:
                break;
        }
        if (s.contains("unrecogni")) {
            return OTHER;
        }
        if (s.contains("unaided") || s.contains("private")) {
            return PRIVATE_UNAIDED;
        }
        if (s.contains("aided") || s.contains("madarsa") || s.contains("madrasa")) {
            return AIDED;
        }
        if (s.contains("local body") || s.contains("municipal") || s.contains("panchayat")
                || s.contains("corporation")) {
            return LOCAL_BODY;
        }
        if (s.contains("government") || s.contains("govt") || s.contains("department") || s.contains("welfare")
                || s.contains("kendriya") || s.contains("navodaya") || s.contains("central") || s.contains("sainik")
                || s.contains("railway")) {
            return GOVERNMENT;
        }
        return null;
    }

}
