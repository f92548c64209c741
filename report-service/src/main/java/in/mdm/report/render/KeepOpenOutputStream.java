package in.mdm.report.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose {@code close()} only flushes: for libraries that close what they write
 * to (Jackson's generator, OpenPDF's writer, POI), when the caller owns the stream.
 */
final class KeepOpenOutputStream extends FilterOutputStream {

    KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        this.out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        this.out.flush();
    }

}
