package in.mdm.school.school;

import java.util.Locale;

public enum RuralUrban {

    RURAL, URBAN;

    /** "1"/"Rural"/"R" or "2"/"Urban"/"U"; {@code null} if the text names neither. */
    public static RuralUrban parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "1", "R", "RURAL" -> RURAL;
            case "2", "U", "URBAN" -> URBAN;
            default -> null;
        };
    }

}
