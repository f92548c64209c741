package in.mdm.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Table;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRendererTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final JsonRenderer renderer = new JsonRenderer(this.mapper);

    @Test
    void theDocumentIsValidJsonWithItsSectionsChartsAndTables() throws IOException {
        JsonNode json = render(SampleDocuments.english(250));
        assertThat(json.get("title").asString()).isEqualTo("Mid-Day Meal coverage: Thanjavur district");
        assertThat(json.get("language").asString()).isEqualTo("en");
        JsonNode coverage = json.get("sections").get(0);
        assertThat(coverage.get("heading").asString()).isEqualTo("Coverage");
        assertThat(coverage.get("paragraphs")).hasSize(2);
        JsonNode bars = coverage.get("charts").get(0);
        assertThat(bars.get("kind").asString()).isEqualTo("BAR");
        assertThat(bars.get("series").get(1).get("name").asString()).isEqualTo("Meals planned");
        assertThat(bars.get("series").get(0).get("values").get(0).asDouble()).isEqualTo(61250.0);
        JsonNode schools = json.get("sections").get(1).get("tables").get(0);
        assertThat(schools.get("columns").get(5).get("kind").asString()).isEqualTo("PERCENT");
        assertThat(schools.get("rows")).hasSize(250);
    }

    @Test
    void rowsAreObjectsKeyedByColumnKeyWithTypedValues() throws IOException {
        JsonNode schools = render(SampleDocuments.english(3)).get("sections").get(1).get("tables").get(0);
        JsonNode first = schools.get("rows").get(0);
        Object[] expected = SampleDocuments.schoolRow(1);
        assertThat(first.propertyNames()).containsExactly("udise", "school", "block", "enrolled", "meals", "coverage",
                "cost", "lastReport");
        assertThat(first.get("udise").asString()).isEqualTo(expected[0]);
        assertThat(first.get("enrolled").isIntegralNumber()).isTrue();
        assertThat(first.get("enrolled").asLong()).isEqualTo(expected[3]);
        assertThat(first.get("coverage").asDouble()).isEqualTo((Double) expected[5]);
        assertThat(first.get("cost").decimalValue()).isEqualByComparingTo((java.math.BigDecimal) expected[6]);
        assertThat(first.get("lastReport").asString()).isEqualTo("2026-11-02");
    }

    @Test
    void tamilAndNullsSurvive() throws IOException {
        Table table = new Table(
                "பள்ளிகள்", List.of(new Column("school", "பள்ளி", Kind.TEXT),
                        new Column("meals", "உணவுகள்", Kind.INTEGER), new Column("share", "பங்கு", Kind.PERCENT)),
                (row) -> {
                    row.accept(new Object[] { "ஊராட்சி ஒன்றிய தொடக்கப் பள்ளி", null, Double.NaN });
                });
        JsonNode json = render(CsvRendererTests.document(table));
        JsonNode row = json.get("sections").get(0).get("tables").get(0).get("rows").get(0);
        assertThat(row.get("school").asString()).isEqualTo("ஊராட்சி ஒன்றிய தொடக்கப் பள்ளி");
        assertThat(row.get("meals").isNull()).isTrue();
        assertThat(row.get("share").isNull()).isTrue();
        assertThat(render(SampleDocuments.tamil(1)).get("language").asString()).isEqualTo("ta");
    }

    private JsonNode render(ReportDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.renderer.render(document, out);
        return this.mapper.readTree(out.toByteArray());
    }

}
