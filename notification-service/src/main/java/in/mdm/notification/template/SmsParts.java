package in.mdm.notification.template;

/**
 * How many SMS parts a text takes. A text that only uses the GSM 03.38 alphabet goes as
 * GSM-7: 160 characters in one part, 153 per part when concatenated (the characters of
 * the extension table count twice). Anything else, Tamil among it, goes as UCS-2: 70
 * characters in one part, 67 per part when concatenated (a character outside the Basic
 * Multilingual Plane counts twice).
 */
public final class SmsParts {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** The encoding and the parts of one text. */
    public record Count(Encoding encoding, int units, int parts) {
    }

    public enum Encoding {

        GSM7, UCS2

    }

    private SmsParts() {
    }

    public static Count of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            }
            else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            }
            else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Count(Encoding.GSM7, septets, parts(septets, 160, 153));
        }
        int units = text.length(); // UTF-16 code units: a supplementary character is two
        return new Count(Encoding.UCS2, units, parts(units, 70, 67));
    }

    private static int parts(int units, int single, int concatenated) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + concatenated - 1) / concatenated;
    }

}
