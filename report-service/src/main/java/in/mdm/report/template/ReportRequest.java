package in.mdm.report.template;

import java.util.List;
import java.util.Locale;

import in.mdm.events.Jurisdiction;

/**
 * What a template is asked to make.
 *
 * @param type the template
 * @param period the period covered
 * @param scope the state, a district, a block or a school
 * @param language {@code en} or {@code ta}
 * @param columns the column keys to keep (empty: all); a table that has none of them is
 * kept whole
 * @param detail whether to add the table of every school day (large: for CSV and JSON)
 */
public record ReportRequest(ReportType type, PeriodKind.Period period, Jurisdiction scope, Locale language,
        List<String> columns, boolean detail) {

    public ReportRequest {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

}
