package in.mdm.report.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;

import in.mdm.report.document.ReportDocument;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxRendererTests {

    private final XlsxRenderer renderer = new XlsxRenderer();

    @Test
    void aSummarySheetFirstThenASheetPerTable() throws IOException {
        try (XSSFWorkbook workbook = render(SampleDocuments.english(120), "report-en.xlsx")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheetName(1)).isEqualTo("Blocks");
            assertThat(workbook.getSheetName(2)).isEqualTo("Schools November 2026");
            XSSFSheet summary = workbook.getSheetAt(0);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("Mid-Day Meal coverage: Thanjavur district");
            assertThat(summary.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            assertThat(workbook.getFontAt(summary.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                .isTrue();
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("November 2026, 2,219 schools");
            assertThat(texts(summary)).contains("Coverage", "Schools", "Every school that reported in November.")
                .anySatisfy((text) -> assertThat(text).startsWith("Meals were served on 22 of 23 school days."));
        }
    }

    @Test
    void aTableSheetHasAFrozenBoldHeaderAFilterAndFormatsPerKind() throws IOException {
        try (XSSFWorkbook workbook = render(SampleDocuments.english(120), null)) {
            XSSFSheet schools = workbook.getSheet("Schools November 2026");
            PaneInformation pane = schools.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isZero();
            assertThat(schools.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H121");
            Row header = schools.getRow(0);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Meals served");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(schools.getLastRowNum()).isEqualTo(120);

            Object[] expected = SampleDocuments.schoolRow(1);
            Row first = schools.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(expected[0]);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(((Long) expected[3]).doubleValue());
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo((Double) expected[5]);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(first.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("dd-mm-yyyy");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            DataFormatter formatter = new DataFormatter();
            Row big = workbook.getSheet("Blocks").getRow(9);
            assertThat(formatter.formatCellValue(big.getCell(1))).isEqualTo("1,234,567");
            assertThat(formatter.formatCellValue(big.getCell(2))).isEqualTo("12.5%");
            // widths from the contents: the school's name is wider than the default and
            // within the cap
            assertThat(schools.getColumnWidth(1)).isBetween(20 * 256, 60 * 256);
            assertThat(schools.getColumnWidth(1)).isGreaterThan(schools.getColumnWidth(3));
        }
    }

    @Test
    void chartsAreNativeExcelChartsDrawnFromCellsOnTheSummarySheet() throws IOException {
        try (XSSFWorkbook workbook = render(SampleDocuments.english(3), null)) {
            XSSFSheet summary = workbook.getSheetAt(0);
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(3);
            XSSFChart bars = charts.get(0);
            assertThat(bars.getTitleText().getString()).isEqualTo("Meals served and planned by block, November 2026");
            CTPlotArea plot = bars.getCTChart().getPlotArea();
            assertThat(plot.getBarChartList()).hasSize(1);
            assertThat(plot.getBarChartArray(0).getSerList()).hasSize(2);
            String values = plot.getBarChartArray(0).getSerArray(1).getVal().getNumRef().getF();
            assertThat(values).isEqualTo("Summary!$C$10:$C$17");
            assertThat(summary.getRow(9).getCell(0).getStringCellValue()).isEqualTo("Thanjavur");
            assertThat(summary.getRow(9).getCell(2).getNumericCellValue()).isEqualTo(64000.0);
            assertThat(charts.get(1).getCTChart().getPlotArea().getLineChartList()).hasSize(1);
            assertThat(charts.get(2).getCTChart().getPlotArea().getPieChartList()).hasSize(1);
        }
    }

    @Test
    void tamilNamesAndValuesRoundTrip() throws IOException {
        try (XSSFWorkbook workbook = render(SampleDocuments.tamil(5), "report-ta.xlsx")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("சுருக்கம்");
            assertThat(workbook.getSheetName(1)).isEqualTo("பள்ளிகள்");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                .isEqualTo(SampleDocuments.TAMIL_TITLE);
            XSSFSheet schools = workbook.getSheetAt(1);
            assertThat(schools.getRow(0).getCell(5).getStringCellValue()).isEqualTo("தொகை (₹)");
            assertThat(schools.getRow(2).getCell(1).getStringCellValue()).isEqualTo("ஊராட்சி ஒன்றிய தொடக்கப் பள்ளி 2");
            assertThat(schools.getRow(2).getCell(2).getStringCellValue()).isEqualTo("ஒரத்தநாடு");
        }
    }

    private XSSFWorkbook render(ReportDocument document, String sample) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.renderer.render(document, out);
        if (sample != null) {
            Path dir = Files.createDirectories(Path.of("target", "report-samples"));
            Files.write(dir.resolve(sample), out.toByteArray());
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> texts(XSSFSheet sheet) {
        List<String> texts = new java.util.ArrayList<>();
        sheet.forEach((row) -> row.forEach((cell) -> {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }));
        return texts;
    }

}
