package in.mdm.report.render;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.LayoutProcessor;

/**
 * The fonts shipped in the jar ({@code fonts/}, SIL Open Font License, {@code OFL.txt}
 * beside them): Noto Sans for Latin text and digits, Noto Sans Tamil for Tamil, each
 * regular and bold; as OpenPDF fonts (embedded subsets, Identity-H) and as AWT fonts for
 * the charts.
 * <p>
 * OpenPDF writes one glyph per character unless its layout processor is on; Tamil needs
 * glyph shaping (a vowel sign such as ொ is drawn in two parts around its consonant, ் and
 * some conjuncts are ligatures), so the processor is switched on here, once for the JVM,
 * before any font is made: it then lays out every text in these fonts with Java's own
 * OpenType engine (HarfBuzz) and writes the shaped glyphs, with each text's characters as
 * {@code /ActualText} so that copying and searching give the words back. The processor is
 * global state of OpenPDF; nothing else in this service uses OpenPDF.
 */
final class ReportFonts {

    static final String LATIN = "fonts/NotoSans-Regular.ttf";

    static final String LATIN_BOLD = "fonts/NotoSans-Bold.ttf";

    static final String TAMIL = "fonts/NotoSansTamil-Regular.ttf";

    static final String TAMIL_BOLD = "fonts/NotoSansTamil-Bold.ttf";

    private static ReportFonts loaded;

    final BaseFont latin;

    final BaseFont latinBold;

    final BaseFont tamil;

    final BaseFont tamilBold;

    final java.awt.Font awtLatin;

    final java.awt.Font awtTamil;

    private ReportFonts() {
        this.latin = pdfFont(LATIN);
        this.latinBold = pdfFont(LATIN_BOLD);
        this.tamil = pdfFont(TAMIL);
        this.tamilBold = pdfFont(TAMIL_BOLD);
        this.awtLatin = awtFont(LATIN);
        this.awtTamil = awtFont(TAMIL);
    }

    /** The fonts, loaded once, with OpenPDF's layout processor on. */
    static synchronized ReportFonts get() {
        if (loaded == null) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enableKernLiga();
                LayoutProcessor.setWriteActualText();
            }
            loaded = new ReportFonts();
        }
        return loaded;
    }

    /** Tamil letters, signs and digits (and the Vedic and Grantha marks the font has). */
    static boolean isTamil(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.TAMIL
                || (codePoint >= 0x0B80 && codePoint <= 0x0BFF);
    }

    /** A joiner or mark that belongs to the script of the text before it. */
    static boolean continuesRun(int codePoint) {
        return codePoint == 0x200C || codePoint == 0x200D || Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }

    private static BaseFont pdfFont(String resource) {
        try {
            // the name is also where the layout processor reads the font from (the class
            // path)
            BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    bytes(resource), null);
            if (!LayoutProcessor.supportsFont(font)) {
                throw new IllegalStateException("OpenPDF's layout processor did not take " + resource);
            }
            return font;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (DocumentException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static java.awt.Font awtFont(String resource) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(resource)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (FontFormatException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

}
