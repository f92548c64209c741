package in.mdm.report.render;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Series;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.document.ReportRenderer;

/**
 * The whole document as JSON (UTF-8), written token by token so that rows stream:
 *
 * <pre>
 * {"title", "subtitle", "language": "ta",
 *  "sections": [{"heading", "paragraphs": [..],
 *    "charts": [{"title", "kind": "BAR", "xLabel", "yLabel",
 *                "series": [{"name", "categories": [..], "values": [..]}]}],
 *    "tables": [{"name", "columns": [{"key", "label", "kind"}],
 *                "rows": [{"&lt;key&gt;": value, ..}, ..]}]}]}
 * </pre>
 *
 * Rows are objects keyed by the columns' stable keys (the labels are in the report's
 * language). INTEGER and DECIMAL values are JSON numbers (exactly as given), PERCENT the
 * share as a number (0.125, not 12.5), DATE an ISO string, TEXT a string, none
 * {@code null}.
 */
@Component
class JsonRenderer implements ReportRenderer {

    private final JsonMapper jsonMapper;

    JsonRenderer(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String format() {
        return "JSON";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ReportDocument document, OutputStream out) throws IOException {
        // the generator closes what it writes to: the caller owns the stream
        try (JsonGenerator json = this.jsonMapper.createGenerator(new KeepOpenOutputStream(out))) {
            json.writeStartObject();
            json.writeStringProperty("title", document.title());
            json.writeStringProperty("subtitle", document.subtitle());
            json.writeStringProperty("language", document.language().toLanguageTag());
            json.writeArrayPropertyStart("sections");
            for (Section section : document.sections()) {
                section(json, section);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void section(JsonGenerator json, Section section) {
        json.writeStartObject();
        json.writeStringProperty("heading", section.heading());
        json.writeArrayPropertyStart("paragraphs");
        for (String paragraph : section.paragraphs()) {
            json.writeString(paragraph);
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("charts");
        for (Chart chart : section.charts()) {
            chart(json, chart);
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("tables");
        for (Table table : section.tables()) {
            table(json, table);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void chart(JsonGenerator json, Chart chart) {
        json.writeStartObject();
        json.writeStringProperty("title", chart.title());
        json.writeStringProperty("kind", chart.kind().name());
        json.writeStringProperty("xLabel", chart.xLabel());
        json.writeStringProperty("yLabel", chart.yLabel());
        json.writeArrayPropertyStart("series");
        for (Series series : chart.series()) {
            json.writeStartObject();
            json.writeStringProperty("name", series.name());
            json.writeArrayPropertyStart("categories");
            for (String category : series.categories()) {
                json.writeString(category);
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("values");
            for (Double value : series.values()) {
                number(json, value);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void table(JsonGenerator json, Table table) {
        List<Column> columns = table.columns();
        json.writeStartObject();
        json.writeStringProperty("name", table.name());
        json.writeArrayPropertyStart("columns");
        for (Column column : columns) {
            json.writeStartObject();
            json.writeStringProperty("key", column.key());
            json.writeStringProperty("label", column.label());
            json.writeStringProperty("kind", column.kind().name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("rows");
        table.rows().forEach((row) -> {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                json.writeName(column.key());
                value(json, column, (i < row.length) ? row[i] : null);
            }
            json.writeEndObject();
        });
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Column column, Object value) {
        switch (column.kind()) {
            case INTEGER, DECIMAL, PERCENT -> {
                if (value instanceof Number number) {
                    number(json, number);
                }
                else {
                    text(json, value);
                }
            }
            case DATE -> {
                if (value instanceof TemporalAccessor date) {
                    json.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
                }
                else {
                    text(json, value);
                }
            }
            case TEXT -> text(json, value);
        }
    }

    private static void text(JsonGenerator json, Object value) {
        if (value == null) {
            json.writeNull();
        }
        else {
            json.writeString(value.toString());
        }
    }

    /** A number exactly as given; NaN and infinities (no JSON numbers) as null. */
    private static void number(JsonGenerator json, Number number) {
        switch (number) {
            case null -> json.writeNull();
            case Double d when !Double.isFinite(d) -> json.writeNull();
            case Float f when !Float.isFinite(f) -> json.writeNull();
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            default -> json.writeNumber(CellValues.decimal(number));
        }
    }

}
