package in.mdm.report.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.text.pdf.PRTokeniser;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentParser;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfLiteral;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import in.mdm.report.document.ReportDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF read back with OpenPDF's own reader. What each test proves: the text (title,
 * numbers, page numbers) is there; the header row is on every page of a long table; Tamil
 * is shaped, shown by the glyphs written (the order a shaper gives, not one glyph per
 * character) and by the fonts embedded; its words come back in logical order through
 * {@code /ActualText}. How it looks is checked by eye (TESTING.md: pdftoppm).
 */
class PdfRendererTests {

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void titleParagraphsNumbersAndPageNumbersAreInTheText() throws IOException {
        PdfReader reader = new PdfReader(render(SampleDocuments.english(120), "report-en.pdf"));
        PdfTextExtractor text = new PdfTextExtractor(reader);
        String first = text.getTextFromPage(1);
        assertThat(first).contains("Mid-Day Meal coverage: Thanjavur district", "November 2026, 2,219 schools",
                "Coverage", "12,34,567 meals");
        int pages = reader.getNumberOfPages();
        assertThat(pages).isGreaterThanOrEqualTo(4);
        for (int page = 1; page <= pages; page++) {
            assertThat(text.getTextFromPage(page)).contains("Page " + page + " of " + pages);
        }
        assertThat(reader.getInfo().get("Title")).isEqualTo("Mid-Day Meal coverage: Thanjavur district");
    }

    /**
     * Rows go to the page in batches; 250 rows once put a batch's first row on a new page
     * without the header (OpenPDF skips it there), so several lengths are tried.
     */
    @ParameterizedTest
    @ValueSource(ints = { 250, 1000 })
    void aTableOverSeveralPagesRepeatsItsHeaderRowOnEachAndKeepsEveryRow(int schools) throws IOException {
        PdfReader reader = new PdfReader(render(SampleDocuments.english(schools), "report-en-" + schools + ".pdf"));
        PdfTextExtractor text = new PdfTextExtractor(reader);
        List<Integer> tablePages = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String content = text.getTextFromPage(page);
            all.append(content);
            if (content.contains("Government School No.")) {
                tablePages.add(page);
                assertThat(content.indexOf("UDISE code")).as("header on page %d", page)
                    .isNotNegative()
                    .isLessThan(content.indexOf("Government School No."));
                assertThat(content).contains("Meals served", "Last report");
            }
        }
        assertThat(tablePages).hasSizeGreaterThanOrEqualTo(schools / 60);
        for (int n = 1; n <= schools; n++) {
            assertThat(all).contains("Government School No. " + n + " ");
        }
        // school 24 as people read it: 22,137 meals, 99.8%, Rs 1,50,088.86 (Indian
        // grouping), 25 November
        assertThat(all)
            .contains("33000160024 Government School No. 24 Thanjavur 1,008 22,137 99.8% 1,50,088.86 25-11-2026");
    }

    @Test
    void tamilIsWrittenAsShapedGlyphsNotOneGlyphPerCharacter() throws IOException {
        byte[] pdf = render(SampleDocuments.tamil(60), "report-ta.pdf");
        Font tamil = ReportFonts.get().awtTamil;
        char[] word = SampleDocuments.TAMIL_WORD.toCharArray();
        FontRenderContext context = new FontRenderContext(null, false, false);
        List<Integer> unshaped = codes(tamil.createGlyphVector(context, word).getGlyphCodes(0, word.length, null));
        var layout = tamil.layoutGlyphVector(context, word, 0, word.length, Font.LAYOUT_LEFT_TO_RIGHT);
        List<Integer> shaped = codes(layout.getGlyphCodes(0, layout.getNumGlyphs(), null));
        // the word is one whose shaping changes the glyphs: e-sign and ai-sign before
        // their consonants
        assertThat(shaped).isNotEqualTo(unshaped).hasSizeGreaterThan(unshaped.size());

        Map<String, List<Integer>> glyphsByFont = glyphsShown(new PdfReader(pdf), 1);
        List<Integer> written = glyphsByFont.get("NotoSansTamil-Regular");
        assertThat(written).as("glyphs in Noto Sans Tamil on page 1").isNotNull();
        assertThat(Collections.indexOfSubList(written, shaped)).as("shaped %s in %s", shaped, written).isNotNegative();
        assertThat(Collections.indexOfSubList(written, unshaped)).as("unshaped %s", unshaped).isNegative();
    }

    @Test
    void tamilFontsAreEmbeddedAndTheWordsComeBackInLogicalOrder() throws IOException {
        byte[] pdf = render(SampleDocuments.tamil(5), null);
        PdfReader reader = new PdfReader(pdf);
        List<String> fonts = new ArrayList<>();
        PdfDictionary fontResources = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        for (PdfName name : fontResources.getKeys()) {
            PdfDictionary font = fontResources.getAsDict(name);
            String base = font.getAsName(PdfName.BASEFONT).toString();
            PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            assertThat(descriptor.get(PdfName.FONTFILE2)).as("%s embedded", base).isNotNull();
            fonts.add(base.replaceFirst("^/[A-Z]{6}\\+", ""));
        }
        assertThat(fonts).contains("NotoSansTamil-Regular", "NotoSansTamil-Bold", "NotoSans-Regular");
        List<String> actualTexts = actualTexts(reader, 1);
        assertThat(actualTexts).contains(SampleDocuments.TAMIL_WORD, "மதிய", "உணவுத்", "திட்டம்", "ஒன்றியம்");
    }

    @Test
    void popplerExtractsTheTamilTitleWhereItIsInstalled() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext (Debian poppler-utils) is not installed");
        Path dir = Files.createTempDirectory("pdf");
        Path file = dir.resolve("ta.pdf");
        Files.write(file, render(SampleDocuments.tamil(5), null));
        Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-")
            .redirectErrorStream(true)
            .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(text).contains("மதிய உணவுத் திட்டம்: தஞ்சாவூர் மாவட்ட", "மொத்த தொகை", "பக்கம் 1 / 1");
    }

    byte[] render(ReportDocument document, String sample) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.renderer.render(document, out);
        if (sample != null) {
            Path dir = Files.createDirectories(Path.of("target", "report-samples"));
            Files.write(dir.resolve(sample), out.toByteArray());
        }
        return out.toByteArray();
    }

    private static List<Integer> codes(int[] codes) {
        return Arrays.stream(codes).boxed().toList();
    }

    /** The glyph ids a page shows, per font (2 bytes a glyph: Identity-H), in order. */
    private static Map<String, List<Integer>> glyphsShown(PdfReader reader, int page) throws IOException {
        Map<String, String> fontNames = new HashMap<>();
        PdfDictionary fonts = reader.getPageN(page).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        for (PdfName name : fonts.getKeys()) {
            fontNames.put(name.toString(),
                    fonts.getAsDict(name).getAsName(PdfName.BASEFONT).toString().replaceFirst("^/[A-Z]{6}\\+", ""));
        }
        Map<String, List<Integer>> glyphs = new HashMap<>();
        String[] font = { "" };
        operations(reader.getPageContent(page), (operator, operands) -> {
            if (operator.equals("Tf")) {
                font[0] = fontNames.getOrDefault(operands.get(0).toString(), "");
            }
            else if (operator.equals("Tj") || operator.equals("TJ")) {
                List<Integer> into = glyphs.computeIfAbsent(font[0], (key) -> new ArrayList<>());
                PdfObject shown = operands.get(0);
                List<PdfObject> parts = shown.isArray() ? ((PdfArray) shown).getElements() : List.of(shown);
                for (PdfObject part : parts) {
                    if (part instanceof PdfString string) {
                        byte[] bytes = string.getOriginalBytes();
                        for (int i = 0; i + 1 < bytes.length; i += 2) {
                            into.add(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF));
                        }
                    }
                }
            }
        });
        return glyphs;
    }

    /**
     * The {@code /ActualText} of every marked span on a page: the characters behind the
     * glyphs.
     */
    private static List<String> actualTexts(PdfReader reader, int page) throws IOException {
        List<String> texts = new ArrayList<>();
        operations(reader.getPageContent(page), (operator, operands) -> {
            if (operator.equals("BDC") && operands.get(1) instanceof PdfDictionary properties) {
                PdfString actual = properties.getAsString(new PdfName("ActualText"));
                if (actual != null) {
                    texts.add(actual.toUnicodeString());
                }
            }
        });
        return texts;
    }

    private interface Operation {

        void on(String operator, List<PdfObject> operands);

    }

    private static void operations(byte[] content, Operation operation) throws IOException {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        List<PdfObject> operands = new ArrayList<>();
        while (!parser.parse(operands).isEmpty()) {
            PdfLiteral operator = (PdfLiteral) operands.get(operands.size() - 1);
            operation.on(operator.toString(), operands.subList(0, operands.size() - 1));
        }
    }

}
