package in.mdm.report.document;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report document in one format (CSV, XLSX, PDF, JSON). */
public interface ReportRenderer {

    /**
     * The format's name, as in a report request: {@code CSV}, {@code XLSX}, {@code PDF},
     * {@code JSON}.
     */
    String format();

    /** The file's media type. */
    String mediaType();

    /** Writes the document; streams table rows, never holding them all. */
    void render(ReportDocument document, OutputStream out) throws IOException;

}
