package in.mdm.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV files the simulator writes: RFC 4180 quoting, LF line ends, UTF-8. */
final class Csv implements AutoCloseable {

    private final Path path;

    private final CSVPrinter printer;

    private long rows;

    Csv(Path path, String... header) {
        this.path = path;
        try {
            BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(writer,
                    CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + path, ex);
        }
    }

    void row(Object... values) {
        try {
            printer.printRecord(values);
            rows++;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + path, ex);
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + path, ex);
        }
    }

    /**
     * {@code value / 10^scale} with exactly {@code scale} decimals, without floating
     * point.
     */
    static String fixed(long value, int scale) {
        boolean negative = value < 0;
        String digits = Long.toString(Math.abs(value));
        if (digits.length() <= scale) {
            digits = "0".repeat(scale - digits.length() + 1) + digits;
        }
        String text = digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
        return negative ? "-" + text : text;
    }

    /** A probability or coordinate with six decimals. */
    static String six(double value) {
        return fixed(Math.round(value * 1e6), 6);
    }

    /** A value with one decimal, as rainfall is written. */
    static String one(double value) {
        return fixed(Math.round(value * 10), 1);
    }

}
