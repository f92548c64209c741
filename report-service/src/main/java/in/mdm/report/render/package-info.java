/**
 * Writes a {@link in.mdm.report.document.ReportDocument} as a file: CSV, XLSX, PDF or
 * JSON, one {@link in.mdm.report.document.ReportRenderer} component each. Every renderer
 * streams table rows; none closes the stream it is given.
 */
package in.mdm.report.render;
