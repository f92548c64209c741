package in.mdm.notification.template;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{name}}} placeholders of a template text. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private Placeholders() {
    }

    /**
     * The distinct placeholder names of all the texts, sorted; null texts are skipped.
     */
    static SortedSet<String> in(String... texts) {
        SortedSet<String> names = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

}
