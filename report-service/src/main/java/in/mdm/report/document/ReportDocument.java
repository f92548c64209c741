package in.mdm.report.document;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A report as data, before it is a file: what the templates make and the renderers (CSV,
 * XLSX, PDF, JSON) write. Labels are already in the report's language; tables stream
 * their rows so that an export of millions of rows is never held in memory.
 *
 * @param title the report's title
 * @param subtitle its scope and period, in words
 * @param language {@code en} or {@code ta}
 * @param sections in order
 */
public record ReportDocument(String title, String subtitle, Locale language, List<Section> sections) {

    /**
     * A part of the report: a heading, short paragraphs (findings, comparisons in words),
     * charts and tables.
     */
    public record Section(String heading, List<String> paragraphs, List<Chart> charts, List<Table> tables) {
    }

    /** How a column's values are written. */
    public enum Kind {

        TEXT, INTEGER, DECIMAL, PERCENT, DATE

    }

    /** A column: its key (for JSON and custom columns), its label, its kind. */
    public record Column(String key, String label, Kind kind) {
    }

    /**
     * The rows of a table, given one at a time (values in the order of the columns:
     * String, Long/Integer, Double/BigDecimal, a share for PERCENT as 0.0-1.0, LocalDate;
     * null for none). A source may be read more than once.
     */
    @FunctionalInterface
    public interface Rows {

        void forEach(Consumer<Object[]> row);

    }

    /** A table: a name (the sheet's in XLSX), its columns and its rows. */
    public record Table(String name, List<Column> columns, Rows rows) {
    }

    public enum ChartKind {

        BAR, LINE, PIE

    }

    /** One series of a chart: a value per category. */
    public record Series(String name, List<String> categories, List<Double> values) {
    }

    /** A chart with its axis labels. */
    public record Chart(String title, ChartKind kind, String xLabel, String yLabel, List<Series> series) {
    }

}
