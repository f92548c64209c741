package in.mdm.report.render;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names for a workbook's sheets as Excel allows them: at most 31 characters, none of
 * {@code : \ / ? * [ ]} (each becomes a space, and runs of spaces one), not beginning or
 * ending with an apostrophe, not blank, not {@code History} (Excel reserves it), and
 * unique without regard to case (a repeated name gets {@code (2)}, {@code (3)} ...).
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private final Set<String> taken = new HashSet<>();

    /** A name not given before, made from {@code wanted}. */
    String next(String wanted) {
        String base = clean(wanted);
        String name = base;
        for (int n = 2; !this.taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = trimApostrophes(cut(base, MAX_LENGTH - suffix.length())) + suffix;
        }
        return name;
    }

    static String clean(String wanted) {
        StringBuilder name = new StringBuilder();
        String text = (wanted != null) ? wanted : "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            name.append(switch (c) {
                case ':', '\\', '/', '?', '*', '[', ']' -> ' ';
                default -> Character.isISOControl(c) ? ' ' : c;
            });
        }
        String cleaned = trimApostrophes(cut(name.toString().replaceAll("\\s+", " ").strip(), MAX_LENGTH));
        if (cleaned.isBlank() || cleaned.equalsIgnoreCase("History")) {
            return cleaned.isBlank() ? "Sheet" : cleaned + " 1";
        }
        return cleaned;
    }

    /** At most {@code length} characters, never splitting a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end).strip();
    }

    private static String trimApostrophes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\'') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\'') {
            end--;
        }
        return text.substring(start, end).strip();
    }

}
