package in.mdm.report.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows through the streaming workbook in bounded memory. The heap in use is
 * measured after a full collection before rendering and then every 100,000 rows while the
 * rows stream (so it counts what the renderer keeps, not garbage not yet collected); the
 * growth must stay under {@value #BOUND_MB} MB. The same rows in a workbook that held
 * them (XSSF, or SXSSF without a window) take well over a gigabyte.
 */
class XlsxMillionRowsTests {

    static final int ROWS = 1_000_000;

    static final long BOUND_MB = 150;

    @Test
    void aMillionRowsStreamInBoundedMemory(@TempDir Path dir) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterCollection(memory);
        long[] highest = { before };
        Table table = new Table("Schools", SampleDocuments.SCHOOL_COLUMNS, (row) -> {
            for (int n = 1; n <= ROWS; n++) {
                row.accept(SampleDocuments.schoolRow(n));
                if (n % 100_000 == 0) {
                    highest[0] = Math.max(highest[0], usedAfterCollection(memory));
                }
            }
        });
        ReportDocument document = new ReportDocument("A million rows", "", Locale.ENGLISH,
                List.of(new Section("Rows", List.of(), List.of(), List.of(table))));
        Path file = dir.resolve("million.xlsx");
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            new XlsxRenderer().render(document, out);
        }
        long growthMb = (highest[0] - before) / (1024 * 1024);
        System.out.printf("XLSX %,d rows: %,d MB file in %.1f s; heap in use grew by %,d MB (%,d MB before)%n", ROWS,
                Files.size(file) / (1024 * 1024), (System.nanoTime() - started) / 1e9, growthMb,
                before / (1024 * 1024));
        assertThat(growthMb).isLessThan(BOUND_MB);
        assertThat(rowsOf(file, "xl/worksheets/sheet2.xml")).isEqualTo(ROWS + 1);
    }

    private static long usedAfterCollection(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The rows of a sheet, counted in its XML as it streams out of the zip. */
    private static long rowsOf(Path file, String sheet) throws IOException {
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(sheet);
            assertThat(entry).as(sheet).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                long rows = 0;
                int matched = 0;
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    for (int i = 0; i < read; i++) {
                        matched = (buffer[i] == pattern[matched]) ? matched + 1 : ((buffer[i] == pattern[0]) ? 1 : 0);
                        if (matched == pattern.length) {
                            rows++;
                            matched = 0;
                        }
                    }
                }
                return rows;
            }
        }
    }

}
