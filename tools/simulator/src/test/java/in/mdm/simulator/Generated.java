package in.mdm.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Runs the simulator's command in a test and reads what it wrote. */
final class Generated {

    /** Tamil Nadu, 20 school days, seed 7, generated once for the tests of this JVM. */
    private static Path tamilNadu;

    private Generated() {
    }

    static synchronized Path tamilNadu() {
        if (tamilNadu == null) {
            try {
                Path dir = Files.createTempDirectory("simulator-tn");
                // some 80 MB: gone when the test JVM ends
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                run("--out", dir.toString(), "--seed", "7", "--days", "20", "--end", "2026-11-20");
                tamilNadu = dir;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return tamilNadu;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary folder: the system clears it in the end
        }
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<CSVRecord> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
