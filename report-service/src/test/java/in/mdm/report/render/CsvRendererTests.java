package in.mdm.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Table;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRendererTests {

    private final CsvRenderer renderer = new CsvRenderer();

    @Test
    void beginsWithAUtf8ByteOrderMarkSoThatExcelReadsTamil() throws IOException {
        byte[] csv = render(SampleDocuments.tamil(3));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(this.renderer.mediaType()).isEqualTo("text/csv; charset=UTF-8");
    }

    @Test
    void tamilTextComesBackAsItWasGiven() throws IOException {
        List<CSVRecord> records = parse(render(SampleDocuments.tamil(3)));
        assertThat(records.get(0).values()).containsExactly("table", "UDISE குறியீடு", "பள்ளி", "ஒன்றியம்",
                "வழங்கப்பட்ட உணவுகள்", "உள்ளடக்கம்", "தொகை (₹)");
        CSVRecord first = records.get(1);
        assertThat(first.get(0)).isEqualTo("பள்ளிகள்");
        assertThat(first.get(2)).isEqualTo("ஊராட்சி ஒன்றிய தொடக்கப் பள்ளி 1");
        assertThat(first.get(3)).isEqualTo("பூதலூர்");
    }

    @Test
    void everyTableStartsWithItsHeaderAndEveryRowNamesItsTable() throws IOException {
        List<CSVRecord> records = parse(render(SampleDocuments.english(1000)));
        // Blocks: header + 9 rows; Schools: header + 1000 rows
        assertThat(records).hasSize(1 + 9 + 1 + 1000);
        assertThat(records.get(0).values()).containsExactly("table", "Block", "Schools", "Reporting rate");
        assertThat(records.subList(1, 10)).allSatisfy((record) -> assertThat(record.get(0)).isEqualTo("Blocks"));
        assertThat(records.get(10).values()).containsExactly("table", "UDISE code", "School", "Block", "Enrolled",
                "Meals served", "Coverage", "Cost (₹)", "Last report");
        List<CSVRecord> schools = records.subList(11, records.size());
        assertThat(schools).allSatisfy((record) -> {
            assertThat(record.get(0)).isEqualTo("Schools: November 2026");
            assertThat(record.size()).isEqualTo(9);
        });
        assertThat(schools.get(999).get(2)).isEqualTo("Government School No. 1000");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() throws IOException {
        Table table = new Table("Notes", List.of(new Column("note", "Note", Kind.TEXT)), (row) -> {
            row.accept(new Object[] { "Vallam, \"east\" cluster" });
            row.accept(new Object[] { "two\nlines" });
        });
        byte[] csv = render(document(table));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Notes,\"Vallam, \"\"east\"\" cluster\"\r\n").contains("Notes,\"two\nlines\"\r\n");
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(1).get(1)).isEqualTo("Vallam, \"east\" cluster");
        assertThat(records.get(2).get(1)).isEqualTo("two\nlines");
    }

    @Test
    void valuesAreWrittenForMachinesAndFormulasAreDefused() throws IOException {
        Table table = new Table("Values",
                List.of(new Column("name", "Name", Kind.TEXT), new Column("count", "Count", Kind.INTEGER),
                        new Column("share", "Share", Kind.PERCENT), new Column("day", "Day", Kind.DATE),
                        new Column("cost", "Cost", Kind.DECIMAL)),
                (row) -> {
                    row.accept(new Object[] { "=HYPERLINK(\"http://x\")", -1234567L, 0.125,
                            java.time.LocalDate.of(2026, 12, 5), new java.math.BigDecimal("83700.50") });
                    row.accept(new Object[] { "@school", null, null, null, null });
                });
        List<CSVRecord> records = parse(render(document(table)));
        assertThat(records.get(1).values()).containsExactly("Values", "'=HYPERLINK(\"http://x\")", "-1234567", "12.5%",
                "2026-12-05", "83700.50");
        assertThat(records.get(2).values()).containsExactly("Values", "'@school", "", "", "", "");
    }

    private byte[] render(ReportDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.renderer.render(document, out);
        return out.toByteArray();
    }

    static ReportDocument document(Table table) {
        return new ReportDocument("T", "S", Locale.ENGLISH,
                List.of(new Section("H", List.of(), List.of(), List.of(table))));
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

}
