package in.mdm.report.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.document.ReportRenderer;

/**
 * The document as a PDF (A4 portrait): the title and subtitle, each section's heading,
 * paragraphs, charts (drawn by JFreeChart as vector graphics, their text as shapes) and
 * tables (the header row repeated on every page, numbers right-aligned and formatted by
 * {@link CellValues#display}), and "Page n of m" ("பக்கம் n / m") with the title in every
 * footer.
 * <p>
 * Text is set in the shipped Noto fonts ({@link ReportFonts}), split into runs: Tamil
 * letters in Noto Sans Tamil, everything else in Noto Sans, with OpenPDF's layout
 * processor shaping both. Table rows are added to the page every {@value #ROWS_PER_FLUSH}
 * rows and then dropped (OpenPDF's large-table mode), so a long table streams; very long
 * tables belong in CSV or XLSX all the same.
 */
@Component
class PdfRenderer implements ReportRenderer {

    static final int ROWS_PER_FLUSH = 100;

    static final int WIDTH_SAMPLE = 50;

    private static final float MAX_TEXT_WIDTH = 150;

    private static final float MIN_COLUMN_WIDTH = 24;

    private static final Color GREY = new Color(0x555555);

    private static final Color HEADER_FILL = new Color(0xE4E9F0);

    private static final Color STRIPE_FILL = new Color(0xF6F7F9);

    private final ReportFonts fonts;

    PdfRenderer() {
        this.fonts = ReportFonts.get();
    }

    @Override
    public String format() {
        return "PDF";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        Words words = Words.of(document.language());
        Document pdf = new Document(PageSize.A4, 40, 40, 44, 50);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new Footer(words, text(document.title())));
            pdf.addTitle(text(document.title()));
            pdf.addSubject(text(document.subtitle()));
            pdf.addCreator("MDM Twin report-service");
            pdf.open();
            write(pdf, writer, document);
            // a document with nothing to show is one blank page, not an error
            writer.setPageEmpty(false);
        }
        catch (DocumentException ex) {
            throw new IOException("The PDF could not be written: " + ex.getMessage(), ex);
        }
        finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
    }

    private void write(Document pdf, PdfWriter writer, ReportDocument document) {
        Paragraph title = paragraph(document.title(), 18, true, Color.BLACK);
        title.setSpacingAfter(2);
        pdf.add(title);
        Paragraph subtitle = paragraph(document.subtitle(), 11, false, GREY);
        subtitle.setSpacingAfter(10);
        pdf.add(subtitle);
        for (Section section : document.sections()) {
            Paragraph heading = paragraph(section.heading(), 13, true, Color.BLACK);
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(4);
            heading.setKeepTogether(true);
            pdf.add(heading);
            for (String text : section.paragraphs()) {
                Paragraph paragraph = paragraph(text, 10, false, Color.BLACK);
                paragraph.setSpacingAfter(5);
                pdf.add(paragraph);
            }
            for (Chart chart : section.charts()) {
                pdf.add(chart(writer, chart, pdf.right() - pdf.left(), 270));
            }
            for (Table table : section.tables()) {
                table(pdf, writer, table);
            }
        }
    }

    /** A chart as a vector drawing: JFreeChart draws on OpenPDF's Graphics2D. */
    private Image chart(PdfWriter writer, Chart chart, float width, float height) {
        JFreeChart drawn = ChartDrawing.of(chart, this.fonts, width);
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        // text as shapes: Java's own layout shapes Tamil, and no font mapping is needed
        Graphics2D graphics = template.createGraphicsShapes(width, height);
        try {
            drawn.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        }
        finally {
            graphics.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(4);
        image.setSpacingAfter(8);
        return image;
    }

    private void table(Document pdf, PdfWriter pdfWriter, Table table) {
        Paragraph name = paragraph(table.name(), 11, true, Color.BLACK);
        name.setSpacingBefore(6);
        name.setSpacingAfter(4);
        pdf.add(name);
        if (table.columns().isEmpty()) {
            return;
        }
        TableWriter writer = new TableWriter(pdf, pdfWriter, table.columns());
        table.rows().forEach(writer::add);
        writer.finish();
    }

    /**
     * Writes one table: holds its first {@value #WIDTH_SAMPLE} rows to size the columns
     * from them and the header, then streams, adding the rows to the page every
     * {@value #ROWS_PER_FLUSH} rows.
     */
    private final class TableWriter {

        private final Document pdf;

        private final PdfWriter writer;

        private final List<Column> columns;

        private final float size;

        private List<Object[]> sample = new ArrayList<>();

        private PdfPTable grid;

        private long count;

        private boolean added;

        TableWriter(Document pdf, PdfWriter writer, List<Column> columns) {
            this.pdf = pdf;
            this.writer = writer;
            this.columns = columns;
            this.size = (columns.size() > 6) ? 7.5f : 8.5f;
        }

        void add(Object[] row) {
            if (this.grid == null) {
                // a source may hand the same array again
                this.sample.add(row.clone());
                if (this.sample.size() == WIDTH_SAMPLE) {
                    start();
                }
                return;
            }
            write(row);
        }

        void finish() {
            if (this.grid == null) {
                start();
            }
            if (this.count == 0) {
                PdfPCell none = cell("—", this.size, false, Kind.TEXT);
                none.setColspan(this.columns.size());
                this.grid.addCell(none);
            }
            this.grid.setComplete(true);
            flush();
        }

        private void start() {
            this.grid = new PdfPTable(this.columns.size());
            this.grid.setWidthPercentage(100);
            this.grid.setWidths(widths());
            this.grid.setHeaderRows(1);
            this.grid.setSplitLate(false);
            this.grid.setComplete(false);
            for (Column column : this.columns) {
                PdfPCell cell = cell(column.label(), this.size, true, column.kind());
                cell.setBackgroundColor(HEADER_FILL);
                this.grid.addCell(cell);
            }
            List<Object[]> held = this.sample;
            this.sample = null;
            held.forEach(this::write);
        }

        private void write(Object[] row) {
            for (int c = 0; c < this.columns.size(); c++) {
                Column column = this.columns.get(c);
                String text = CellValues.display(column.kind(), (c < row.length) ? row[c] : null);
                PdfPCell cell = cell(text, this.size, false, column.kind());
                if (this.count % 2 == 1) {
                    cell.setBackgroundColor(STRIPE_FILL);
                }
                this.grid.addCell(cell);
            }
            this.count++;
            if (this.count % ROWS_PER_FLUSH == 0) {
                flush();
            }
        }

        /**
         * Adds the rows held so far to the page. After the first batch OpenPDF leaves the
         * header out of the first page a batch is set on, taking it to go on where the
         * last one ended; but a batch that filled its last page leaves a fresh page
         * behind, and one whose next row will not fit goes to a new page: there the
         * header is asked for again.
         */
        private void flush() {
            if (this.added && this.grid.size() > this.grid.getHeaderRows()) {
                this.grid.setTotalWidth(this.pdf.right() - this.pdf.left());
                float next = this.grid.getRowHeight(this.grid.getHeaderRows());
                float y = this.writer.getVerticalPosition(false);
                // OpenPDF wants room for the header as well, even where it leaves it out
                if (y - this.pdf.bottom() < this.grid.getHeaderHeight() + next + 6) {
                    this.pdf.newPage();
                    this.grid.setSkipFirstHeader(false);
                }
                else if (y >= this.pdf.top() - 1) {
                    this.grid.setSkipFirstHeader(false);
                }
            }
            this.pdf.add(this.grid);
            this.added = true;
        }

        /**
         * Each column as wide as its header's longest word and its widest sampled value
         * (text at most {@value #MAX_TEXT_WIDTH} points, wrapping beyond), in proportion.
         */
        private float[] widths() {
            float[] widths = new float[this.columns.size()];
            for (int c = 0; c < widths.length; c++) {
                Column column = this.columns.get(c);
                float widest = 0;
                for (String word : text(column.label()).split("\\s+")) {
                    widest = Math.max(widest, width(word, this.size, true));
                }
                for (Object[] row : this.sample) {
                    String value = CellValues.display(column.kind(), (c < row.length) ? row[c] : null);
                    float width = width(value, this.size, false);
                    widest = Math.max(widest, (column.kind() == Kind.TEXT) ? Math.min(width, MAX_TEXT_WIDTH) : width);
                }
                widths[c] = Math.max(widest, MIN_COLUMN_WIDTH) + 10;
            }
            return widths;
        }

    }

    /**
     * About how wide a text is set (the sum of its characters' advances, before shaping).
     */
    private float width(String text, float size, boolean bold) {
        float width = 0;
        for (Element element : phrase(text, size, bold, Color.BLACK).getChunks()) {
            if (element instanceof Chunk chunk && chunk.getFont().getBaseFont() != null) {
                width += chunk.getFont().getBaseFont().getWidthPoint(chunk.getContent(), size);
            }
        }
        return width;
    }

    private PdfPCell cell(String text, float size, boolean bold, Kind kind) {
        PdfPCell cell = new PdfPCell(phrase(text, size, bold, Color.BLACK));
        cell.setHorizontalAlignment((kind == Kind.TEXT) ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        cell.setUseAscender(true);
        // room for Tamil's vowel signs above and below the line when a cell wraps
        cell.setLeading(0, 1.4f);
        cell.setBorderColor(new Color(0xC8CDD3));
        cell.setBorderWidth(0.5f);
        return cell;
    }

    private Paragraph paragraph(String text, float size, boolean bold, Color color) {
        Paragraph paragraph = new Paragraph(phrase(text, size, bold, color));
        paragraph.setLeading(size * 1.5f);
        return paragraph;
    }

    /**
     * A text as chunks in runs of one script: Tamil (with its marks and joiners) in Noto
     * Sans Tamil, the rest in Noto Sans.
     */
    Phrase phrase(String text, float size, boolean bold, Color color) {
        String value = text(text);
        Font latin = new Font(bold ? this.fonts.latinBold : this.fonts.latin, size, Font.NORMAL, color);
        Font tamil = new Font(bold ? this.fonts.tamilBold : this.fonts.tamil, size, Font.NORMAL, color);
        // the phrase's own font (for line ends and empty text) is Noto Sans too: no
        // Helvetica
        Phrase phrase = new Phrase(size * 1.5f, "", latin);
        int start = 0;
        boolean inTamil = false;
        for (int i = 0; i < value.length();) {
            int codePoint = value.codePointAt(i);
            boolean isTamil = ReportFonts.isTamil(codePoint) || (inTamil && ReportFonts.continuesRun(codePoint));
            if (isTamil != inTamil && i > start) {
                phrase.add(new Chunk(value.substring(start, i), inTamil ? tamil : latin));
                start = i;
            }
            inTamil = isTamil;
            i += Character.charCount(codePoint);
        }
        if (start < value.length()) {
            phrase.add(new Chunk(value.substring(start), inTamil ? tamil : latin));
        }
        return phrase;
    }

    private static String text(String text) {
        return (text != null) ? text : "";
    }

    /** "Page n of m" and the title in every page's footer; m is filled in at the end. */
    private final class Footer extends PdfPageEventHelper {

        private static final float SIZE = 7.5f;

        private static final float TOTAL_WIDTH = 24;

        private final Words words;

        private final String title;

        private PdfTemplate total;

        Footer(Words words, String title) {
            this.words = words;
            this.title = (title.length() > 90) ? title.substring(0, 89) + "…" : title;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            this.total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, SIZE * 2);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(this.title, SIZE, false, GREY),
                    document.left(), y, 0);
            String page = this.words.page() + " " + writer.getPageNumber() + " " + this.words.of() + " ";
            float x = document.right() - TOTAL_WIDTH;
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, phrase(page, SIZE, false, GREY), x, y, 0);
            canvas.addTemplate(this.total, x + 2, y);
            Rectangle line = new Rectangle(document.left(), y + SIZE * 1.6f, document.right(), y + SIZE * 1.6f);
            line.setBorder(Rectangle.TOP);
            line.setBorderWidth(0.4f);
            line.setBorderColor(new Color(0xC8CDD3));
            canvas.rectangle(line);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            BaseFont font = PdfRenderer.this.fonts.latin;
            this.total.beginText();
            this.total.setColorFill(GREY);
            this.total.setFontAndSize(font, SIZE);
            this.total.setTextMatrix(0, 0);
            this.total.showText(String.valueOf(writer.getPageNumber() - 1));
            this.total.endText();
        }

    }

}
