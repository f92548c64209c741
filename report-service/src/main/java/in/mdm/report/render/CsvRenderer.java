package in.mdm.report.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Component;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.document.ReportRenderer;

/**
 * The document's tables as one CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so that
 * Excel reads Tamil. Only tables: titles, paragraphs and charts are left out (they are in
 * the PDF, XLSX and JSON).
 * <p>
 * Every line begins with a {@code table} column naming the table it belongs to, so that
 * one file holds several tables and a program can pick one with a filter: each table
 * starts with its header line ({@code table} and then the column labels, in the report's
 * language), followed by its rows ({@code <table name>} and then the values). A document
 * with one table is a plain rectangular CSV with an extra first column. Values are
 * written by {@link CellValues#plain}: numbers without grouping, shares as exact
 * percentages ({@code 12.5%}), dates ISO.
 * <p>
 * A text value that a spreadsheet would take for a formula (it begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return: a school's name is typed
 * by people) is written with a leading apostrophe, as OWASP advises against CSV
 * injection; numbers are never changed.
 */
@Component
class CsvRenderer implements ReportRenderer {

    static final String TABLE_COLUMN = "table";

    @Override
    public String format() {
        return "CSV";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        // not closed: the caller owns the stream
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        for (ReportDocument.Section section : document.sections()) {
            for (Table table : section.tables()) {
                print(printer, table);
            }
        }
        printer.flush();
    }

    private static void print(CSVPrinter printer, Table table) throws IOException {
        List<Column> columns = table.columns();
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add(TABLE_COLUMN);
        columns.forEach((column) -> header.add(column.label()));
        printer.printRecord(header.stream().map(CsvRenderer::defused).toList());
        String[] record = new String[columns.size() + 1];
        record[0] = defused(table.name());
        try {
            table.rows().forEach((row) -> {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    String value = CellValues.plain(column.kind(), (i < row.length) ? row[i] : null);
                    record[i + 1] = (column.kind() == Kind.TEXT) ? defused(value) : value;
                }
                try {
                    printer.printRecord((Object[]) record);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    /** Text that a spreadsheet would run as a formula, with a leading apostrophe. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

}
