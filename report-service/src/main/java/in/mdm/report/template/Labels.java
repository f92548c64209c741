package in.mdm.report.template;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A report's words in its language, from {@code messages/report*.properties} (English the
 * base bundle, Tamil {@code report_ta}); read as UTF-8.
 */
final class Labels {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private final Locale locale;

    private Labels(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("messages.report", locale, NO_FALLBACK);
    }

    static Labels of(Locale locale) {
        return new Labels(locale);
    }

    Locale locale() {
        return locale;
    }

    /**
     * A code (a risk level, an alert severity) in the report's words: {@code code.<code>}
     * when the bundle has it, else the code as it is.
     */
    String code(String code) {
        if (code == null) {
            return null;
        }
        return bundle.containsKey("code." + code) ? bundle.getString("code." + code) : code;
    }

    String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }

}
