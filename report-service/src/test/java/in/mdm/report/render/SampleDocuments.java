package in.mdm.report.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.ChartKind;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Rows;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Series;
import in.mdm.report.document.ReportDocument.Table;

/**
 * Reports as the templates would make them, in English and in Tamil, for the renderers'
 * tests.
 */
final class SampleDocuments {

    static final String TAMIL_TITLE = "மதிய உணவுத் திட்டம்: தஞ்சாவூர் மாவட்ட அறிக்கை";

    /**
     * Pre-base vowel signs (ொ, ை): shaped, their glyphs come in another order than the
     * characters.
     */
    static final String TAMIL_WORD = "தொகை";

    static final List<String> BLOCKS = List.of("Thanjavur", "Budalur", "Orathanadu", "Pattukkottai", "Peravurani",
            "Papanasam", "Kumbakonam", "Thiruvidaimarudur");

    static final List<String> TAMIL_BLOCKS = List.of("தஞ்சாவூர்", "பூதலூர்", "ஒரத்தநாடு", "பட்டுக்கோட்டை", "பேராவூரணி",
            "பாபநாசம்", "கும்பகோணம்", "திருவிடைமருதூர்");

    static final List<Column> SCHOOL_COLUMNS = List.of(new Column("udise", "UDISE code", Kind.TEXT),
            new Column("school", "School", Kind.TEXT), new Column("block", "Block", Kind.TEXT),
            new Column("enrolled", "Enrolled", Kind.INTEGER), new Column("meals", "Meals served", Kind.INTEGER),
            new Column("coverage", "Coverage", Kind.PERCENT), new Column("cost", "Cost (₹)", Kind.DECIMAL),
            new Column("lastReport", "Last report", Kind.DATE));

    private SampleDocuments() {
    }

    /**
     * The {@code n}th school row: UDISE, name, block, enrolled, meals, share, cost, date.
     */
    static Object[] schoolRow(int n) {
        long enrolled = 120 + (n * 37L) % 900;
        long meals = enrolled * 22 - (n % 7) * 13;
        return new Object[] { String.format("33%09d", 160000 + n), "Government School No. " + n,
                BLOCKS.get(n % BLOCKS.size()), enrolled, meals, meals / (enrolled * 22.0),
                BigDecimal.valueOf(meals).multiply(new BigDecimal("6.78")), LocalDate.of(2026, 11, 1 + n % 30) };
    }

    static Rows schoolRows(int count) {
        return (row) -> {
            for (int n = 1; n <= count; n++) {
                row.accept(schoolRow(n));
            }
        };
    }

    static ReportDocument english(int schools) {
        Series served = new Series("Meals served", BLOCKS,
                List.of(61250.0, 40210.0, 52344.0, 70020.0, 33122.0, 45500.0, 80110.0, 38900.0));
        Series planned = new Series("Meals planned", BLOCKS,
                List.of(64000.0, 41000.0, 55000.0, 72000.0, 36000.0, 47000.0, 82000.0, 41000.0));
        Chart bars = new Chart("Meals served and planned by block, November 2026", ChartKind.BAR, "Block", "Meals",
                List.of(served, planned));
        Chart line = new Chart("Reporting rate by week", ChartKind.LINE, "Week", "Schools reporting (%)",
                List.of(new Series("Reporting rate", List.of("W44", "W45", "W46", "W47", "W48"),
                        List.of(91.5, 93.2, 92.8, 95.1, 96.4))));
        Chart pie = new Chart("Schools by risk level", ChartKind.PIE, "", "", List.of(new Series("Schools",
                List.of("Low", "Medium", "High", "Critical"), List.of(1710.0, 402.0, 96.0, 11.0))));
        Table blocks = new Table("Blocks", List.of(new Column("block", "Block", Kind.TEXT),
                new Column("schools", "Schools", Kind.INTEGER), new Column("rate", "Reporting rate", Kind.PERCENT)),
                (row) -> {
                    for (int b = 0; b < BLOCKS.size(); b++) {
                        row.accept(new Object[] { BLOCKS.get(b), 180L + b * 41, 0.9 + b / 100.0 });
                    }
                    row.accept(new Object[] { "Vallam, \"east\" cluster", 1234567L, 0.125 });
                });
        Section coverage = new Section("Coverage",
                List.of("Meals were served on 22 of 23 school days. Thanjavur district served 12,34,567 meals in "
                        + "November, 3.2% more than in October.",
                        "Kumbakonam block had the highest coverage; Peravurani the lowest, after a delivery was late "
                                + "on 12 November."),
                List.of(bars, line, pie), List.of(blocks));
        Section schoolsSection = new Section("Schools", List.of("Every school that reported in November."), List.of(),
                List.of(new Table("Schools: November 2026", SCHOOL_COLUMNS, schoolRows(schools))));
        return new ReportDocument("Mid-Day Meal coverage: Thanjavur district", "November 2026, 2,219 schools",
                Locale.ENGLISH, List.of(coverage, schoolsSection));
    }

    static ReportDocument tamil(int schools) {
        Chart bars = new Chart("ஒன்றியம் வாரியாக வழங்கப்பட்ட உணவுகள்", ChartKind.BAR, "ஒன்றியம்", "உணவுகள்",
                List.of(new Series("வழங்கப்பட்டவை", TAMIL_BLOCKS,
                        List.of(61250.0, 40210.0, 52344.0, 70020.0, 33122.0, 45500.0, 80110.0, 38900.0))));
        List<Column> columns = List.of(new Column("udise", "UDISE குறியீடு", Kind.TEXT),
                new Column("school", "பள்ளி", Kind.TEXT), new Column("block", "ஒன்றியம்", Kind.TEXT),
                new Column("meals", "வழங்கப்பட்ட உணவுகள்", Kind.INTEGER),
                new Column("coverage", "உள்ளடக்கம்", Kind.PERCENT),
                new Column("cost", TAMIL_WORD + " (₹)", Kind.DECIMAL));
        Rows rows = (row) -> {
            for (int n = 1; n <= schools; n++) {
                Object[] school = schoolRow(n);
                row.accept(new Object[] { school[0], "ஊராட்சி ஒன்றிய தொடக்கப் பள்ளி " + n,
                        TAMIL_BLOCKS.get(n % TAMIL_BLOCKS.size()), school[4], school[5], school[6] });
            }
        };
        Section section = new Section("உணவு வழங்கல்",
                List.of("நவம்பர் மாதத்தில் 23 பள்ளி நாட்களில் 22 நாட்கள் உணவு வழங்கப்பட்டது. மொத்த " + TAMIL_WORD
                        + " ₹83,70,000.", "கும்பகோணம் ஒன்றியத்தில் அதிகபட்ச உள்ளடக்கம்; பேராவூரணியில் குறைவு."),
                List.of(bars), List.of(new Table("பள்ளிகள்", columns, rows)));
        return new ReportDocument(TAMIL_TITLE, "நவம்பர் 2026, 2,219 பள்ளிகள்", Locale.forLanguageTag("ta"),
                List.of(section));
    }

}
