package in.mdm.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file as the twin simulator writes them (a header line, commas, cells
 * quoted when they hold a comma or a quote, a quote inside doubled), for the benches and
 * tests that read its output.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** Every row of the file, the header left out. */
    public static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                rows.add(split(line));
            }
        }
        return rows;
    }

    /** The header's column names. */
    public static List<String> header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            return header == null ? List.of() : List.of(split(header));
        }
    }

    /** One line's cells. */
    public static String[] split(String line) {
        if (line.indexOf('"') < 0) {
            return line.split(",", -1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

}
