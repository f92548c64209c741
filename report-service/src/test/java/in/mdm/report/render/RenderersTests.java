package in.mdm.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.document.ReportRenderer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every renderer promises: its format's name, and it never closes the caller's
 * stream.
 */
class RenderersTests {

    static Stream<ReportRenderer> renderers() {
        return Stream.of(new CsvRenderer(), new XlsxRenderer(), new PdfRenderer(),
                new JsonRenderer(JsonMapper.builder().build()));
    }

    @ParameterizedTest
    @MethodSource("renderers")
    void writesWithoutClosingTheCallersStream(ReportRenderer renderer) throws IOException {
        ClosingWatched out = new ClosingWatched();
        renderer.render(SampleDocuments.tamil(3), out);
        assertThat(out.closed).as("%s closed the stream", renderer.format()).isFalse();
        assertThat(out.size()).isGreaterThan(100);
        assertThat(renderer.format()).isIn("CSV", "XLSX", "PDF", "JSON");
        assertThat(renderer.mediaType()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("renderers")
    void anEmptyTableAndAnEmptyDocumentAreWritten(ReportRenderer renderer) throws IOException {
        Table empty = new Table("Nothing", List.of(new Column("a", "A", Kind.TEXT), new Column("n", "N", Kind.INTEGER)),
                (row) -> {
                });
        ReportDocument withEmptyTable = new ReportDocument("Empty", "", Locale.ENGLISH,
                List.of(new Section("None", List.of(), List.of(), List.of(empty))));
        ReportDocument nothing = new ReportDocument("", null, Locale.ENGLISH, List.of());
        renderer.render(withEmptyTable, new ByteArrayOutputStream());
        renderer.render(nothing, new ByteArrayOutputStream());
    }

    static final class ClosingWatched extends ByteArrayOutputStream {

        boolean closed;

        @Override
        public void close() {
            this.closed = true;
        }

    }

}
