package in.mdm.report.render;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.ChartKind;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Series;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.document.ReportRenderer;

/**
 * The document as an Excel workbook (Office Open XML).
 * <ul>
 * <li>A first sheet "Summary" ("சுருக்கம்" in Tamil) with the title, subtitle, each
 * section's heading and paragraphs, and each chart as a native Excel chart (XDDF) drawn
 * from its numbers, which stand in a small table above it.</li>
 * <li>A sheet per table, named after it (cleaned to Excel's rules by {@link SheetNames}):
 * a bold header row, frozen, with an auto filter over all rows; a number format per
 * column kind (INTEGER {@code #,##0}, DECIMAL {@code #,##0.00}, PERCENT {@code 0.0%} on
 * the share, DATE {@code dd-mm-yyyy}); column widths from the header and the first
 * {@value #WIDTH_SAMPLE} rows. A table longer than a sheet (1,048,575 rows under the
 * header) goes on in a sheet of the same name with {@code (2)}.</li>
 * </ul>
 * The summary sheet is a regular (XSSF) sheet, since charts need one; it is made first,
 * and the workbook is then wrapped in a streaming SXSSF workbook whose table sheets keep
 * only {@value #ROW_WINDOW} rows in memory and flush the rest to a compressed temporary
 * file, so a table of a million rows stays in bounded memory. Strings are written inline
 * (no shared-strings table, which would grow with the rows). Excel shapes Tamil itself.
 */
@Component
class XlsxRenderer implements ReportRenderer {

    static final int ROW_WINDOW = 200;

    static final int WIDTH_SAMPLE = 500;

    /** Character widths are in 1/256 of a character. */
    private static final int MIN_WIDTH = 8;

    private static final int MAX_WIDTH = 60;

    private static final int SUMMARY_WIDTH = 110;

    private static final int CHART_ROWS = 20;

    @Override
    public String format() {
        return "XLSX";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        XSSFWorkbook base = new XSSFWorkbook();
        SheetNames names = new SheetNames();
        Styles styles = new Styles(base);
        summary(base, styles, names.next(Words.of(document.language()).summary()), document);
        SXSSFWorkbook workbook = new SXSSFWorkbook(base, ROW_WINDOW, true, false);
        try {
            for (Section section : document.sections()) {
                for (Table table : section.tables()) {
                    table(workbook, styles, names, table);
                }
            }
            workbook.write(new KeepOpenOutputStream(out));
        }
        finally {
            // deletes the temporary files
            workbook.close();
        }
    }

    private static void summary(XSSFWorkbook workbook, Styles styles, String name, ReportDocument document) {
        XSSFSheet sheet = workbook.createSheet(name);
        sheet.setColumnWidth(0, SUMMARY_WIDTH * 256);
        Words words = Words.of(document.language());
        int r = 0;
        text(sheet, r++, document.title(), styles.title);
        text(sheet, r++, document.subtitle(), styles.subtitle);
        for (Section section : document.sections()) {
            r++;
            text(sheet, r++, section.heading(), styles.heading);
            for (String paragraph : section.paragraphs()) {
                text(sheet, r++, paragraph, styles.paragraph);
            }
            for (Chart chart : section.charts()) {
                r = chart(sheet, styles, words, chart, r + 1);
            }
        }
    }

    private static void text(Sheet sheet, int r, String text, CellStyle style) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Cell cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /**
     * A chart's numbers as a small table (categories down, a column per series) and a
     * native chart drawn from those cells below it; the row after both.
     */
    private static int chart(XSSFSheet sheet, Styles styles, Words words, Chart chart, int top) {
        List<Series> series = (chart.kind() == ChartKind.PIE)
                ? chart.series().subList(0, Math.min(1, chart.series().size())) : chart.series();
        List<String> categories = categories(series);
        if (series.isEmpty() || categories.isEmpty()) {
            return top;
        }
        int r = top;
        text(sheet, r++, chart.title() + " (" + words.chartData() + ")", styles.heading);
        Row header = sheet.createRow(r++);
        header(header, 0, chart.xLabel(), styles.header);
        for (int s = 0; s < series.size(); s++) {
            header(header, s + 1, series.get(s).name(), styles.header);
        }
        int firstData = r;
        List<Map<String, Double>> values = series.stream().map(XlsxRenderer::byCategory).toList();
        for (String category : categories) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(category);
            for (int s = 0; s < series.size(); s++) {
                Double value = values.get(s).get(category);
                if (value != null && Double.isFinite(value)) {
                    Cell cell = row.createCell(s + 1);
                    cell.setCellValue(value);
                    cell.setCellStyle(styles.chartNumber);
                }
            }
        }
        int lastData = r - 1;
        r++;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, r, 1, r + CHART_ROWS);
        XSSFChart excel = drawing.createChart(anchor);
        excel.setTitleText(chart.title());
        excel.setTitleOverlay(false);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstData, lastData, 0, 0));
        XDDFChartData data;
        if (chart.kind() == ChartKind.PIE) {
            data = excel.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
        }
        else {
            XDDFCategoryAxis x = excel.createCategoryAxis(AxisPosition.BOTTOM);
            x.setTitle(chart.xLabel());
            XDDFValueAxis y = excel.createValueAxis(AxisPosition.LEFT);
            y.setTitle(chart.yLabel());
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            data = excel.createData((chart.kind() == ChartKind.BAR) ? ChartTypes.BAR : ChartTypes.LINE, x, y);
            if (data instanceof XDDFBarChartData bars) {
                bars.setBarDirection(BarDirection.COL);
            }
            data.setVaryColors(false);
        }
        for (int s = 0; s < series.size(); s++) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstData, lastData, s + 1, s + 1));
            XDDFChartData.Series plotted = data.addSeries(cats, numbers);
            plotted.setTitle(series.get(s).name(),
                    new CellReference(sheet.getSheetName(), firstData - 1, s + 1, true, true));
        }
        excel.plot(data);
        if (chart.kind() == ChartKind.PIE || series.size() > 1) {
            excel.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        return r + CHART_ROWS + 1;
    }

    private static void header(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue((text != null) ? text : "");
        cell.setCellStyle(style);
    }

    /** Every series' categories, in the order first seen. */
    private static List<String> categories(List<Series> series) {
        Set<String> categories = new LinkedHashSet<>();
        series.forEach((one) -> categories.addAll(one.categories()));
        return new ArrayList<>(categories);
    }

    private static Map<String, Double> byCategory(Series series) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(series.categories().size(), series.values().size()); i++) {
            values.putIfAbsent(series.categories().get(i), series.values().get(i));
        }
        return values;
    }

    /**
     * A table on its own sheet (or sheets, past Excel's rows), rows streamed through the
     * SXSSF window.
     */
    private static void table(SXSSFWorkbook workbook, Styles styles, SheetNames names, Table table) {
        List<Column> columns = table.columns();
        CellStyle[] styleOf = columns.stream()
            .map((column) -> styles.columns.get(column.kind()))
            .toArray(CellStyle[]::new);
        TableSheet[] current = { new TableSheet(workbook, styles, names.next(table.name()), columns) };
        table.rows().forEach((row) -> {
            if (current[0].full()) {
                current[0].finish();
                current[0] = new TableSheet(workbook, styles, names.next(table.name()), columns);
            }
            current[0].add(row, styleOf);
        });
        current[0].finish();
    }

    /** One sheet of a table: its header, rows, widths and filter. */
    private static final class TableSheet {

        private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

        private final Sheet sheet;

        private final List<Column> columns;

        private final int[] widths;

        private final Styles styles;

        private int next = 1;

        TableSheet(SXSSFWorkbook workbook, Styles styles, String name, List<Column> columns) {
            this.sheet = workbook.createSheet(name);
            this.styles = styles;
            this.columns = columns;
            this.widths = new int[columns.size()];
            Row header = this.sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header(header, c, columns.get(c).label(), styles.header);
                this.widths[c] = width(columns.get(c).label()) + 2;
            }
            this.sheet.createFreezePane(0, 1);
        }

        boolean full() {
            return this.next >= MAX_ROWS;
        }

        void add(Object[] values, CellStyle[] styles) {
            Row row = this.sheet.createRow(this.next);
            boolean sample = this.next <= WIDTH_SAMPLE;
            this.next++;
            for (int c = 0; c < this.columns.size(); c++) {
                Object value = (c < values.length) ? values[c] : null;
                if (value == null) {
                    continue;
                }
                Kind kind = this.columns.get(c).kind();
                Cell cell = row.createCell(c);
                Kind written = CellValues.kindOf(kind, value);
                cell.setCellStyle(written == kind ? styles[c] : this.styles.columns.get(written));
                set(cell, kind, value);
                if (sample) {
                    this.widths[c] = Math.max(this.widths[c], width(CellValues.display(kind, value)));
                }
            }
        }

        void finish() {
            int lastColumn = Math.max(0, this.columns.size() - 1);
            this.sheet.setAutoFilter(new CellRangeAddress(0, this.next - 1, 0, lastColumn));
            for (int c = 0; c < this.widths.length; c++) {
                this.sheet.setColumnWidth(c, Math.clamp(this.widths[c] + 1, MIN_WIDTH, MAX_WIDTH) * 256);
            }
        }

        private static void set(Cell cell, Kind kind, Object value) {
            Double number = CellValues.number(value);
            LocalDate date = CellValues.date(value);
            if (kind != Kind.TEXT && number != null) {
                cell.setCellValue(number);
            }
            else if (kind == Kind.DATE && date != null) {
                cell.setCellValue(date);
            }
            else {
                cell.setCellValue(value.toString());
            }
        }

        /** About how many characters wide a text shows. */
        private static int width(String text) {
            return (text != null) ? text.codePointCount(0, text.length()) : 0;
        }

    }

    /** The workbook's cell styles, made once (Excel allows about 64,000). */
    private static final class Styles {

        final CellStyle title;

        final CellStyle subtitle;

        final CellStyle heading;

        final CellStyle paragraph;

        final CellStyle header;

        final CellStyle chartNumber;

        final Map<Kind, CellStyle> columns = new EnumMap<>(Kind.class);

        Styles(XSSFWorkbook workbook) {
            this.title = workbook.createCellStyle();
            this.title.setFont(font(workbook, true, false, 16));
            this.subtitle = workbook.createCellStyle();
            this.subtitle.setFont(font(workbook, false, true, 12));
            this.heading = workbook.createCellStyle();
            this.heading.setFont(font(workbook, true, false, 12));
            this.paragraph = workbook.createCellStyle();
            this.paragraph.setWrapText(true);
            this.paragraph.setVerticalAlignment(VerticalAlignment.TOP);
            this.header = workbook.createCellStyle();
            this.header.setFont(font(workbook, true, false, 11));
            this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            this.header.setBorderBottom(BorderStyle.THIN);
            this.header.setVerticalAlignment(VerticalAlignment.TOP);
            this.header.setWrapText(true);
            this.chartNumber = workbook.createCellStyle();
            this.chartNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));
            for (Kind kind : Kind.values()) {
                CellStyle style = workbook.createCellStyle();
                String format = numberFormat(kind);
                if (format != null) {
                    style.setDataFormat(workbook.createDataFormat().getFormat(format));
                    style.setAlignment(HorizontalAlignment.RIGHT);
                }
                this.columns.put(kind, style);
            }
        }

        private static Font font(XSSFWorkbook workbook, boolean bold, boolean italic, int points) {
            Font font = workbook.createFont();
            font.setBold(bold);
            font.setItalic(italic);
            font.setFontHeightInPoints((short) points);
            return font;
        }

    }

    /** The Excel number format of a column kind; null for text. */
    static String numberFormat(Kind kind) {
        return switch (kind) {
            case INTEGER -> "#,##0";
            case DECIMAL -> "#,##0.00";
            case PERCENT -> "0.0%";
            case DATE -> "dd-mm-yyyy";
            case TEXT -> null;
        };
    }

}
