package in.mdm.report.job;

/** A report file's format; a {@code ReportRenderer} of the same name writes it. */
public enum ReportFormat {

    PDF, XLSX, CSV, JSON;

    /** The file name's extension. */
    String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the file takes the table of every school day (a spreadsheet or a page would
     * not).
     */
    boolean takesDetail() {
        return this == CSV || this == JSON;
    }

}
