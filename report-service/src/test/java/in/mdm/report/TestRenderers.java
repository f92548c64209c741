package in.mdm.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportRenderer;

/**
 * Stand-ins for the renderers of {@code in.mdm.report.render} until they land: every
 * table as lines of {@code |}-separated values under a {@code # name} line, rows written
 * as they stream. Registered for CSV and JSON (the formats that take every school day).
 */
@Configuration(proxyBeanMethods = false)
class TestRenderers {

    @Bean
    ReportRenderer testCsvRenderer() {
        return new LinesRenderer("CSV", "text/csv");
    }

    @Bean
    ReportRenderer testJsonRenderer() {
        return new LinesRenderer("JSON", "application/json");
    }

    record LinesRenderer(String format, String mediaType) implements ReportRenderer {

        @Override
        public void render(ReportDocument document, OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(document.title() + "\n" + document.subtitle() + "\n");
            for (ReportDocument.Section section : document.sections()) {
                for (ReportDocument.Table table : section.tables()) {
                    w.write("# " + table.name() + "\n");
                    w.write(table.columns().stream().map(ReportDocument.Column::key).collect(Collectors.joining("|"))
                            + "\n");
                    table.rows().forEach(row -> {
                        try {
                            w.write(line(row) + "\n");
                        }
                        catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
                }
            }
            w.flush();
        }

        static String line(Object[] row) {
            List<String> cells = new ArrayList<>(row.length);
            for (Object v : row) {
                cells.add(v == null ? "" : v.toString());
            }
            return String.join("|", cells);
        }

    }

}
