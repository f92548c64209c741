package in.mdm.report.job;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.ReportType;

/** A report to generate over any dates; the requester is the caller of the token. */
public record RequestReportRequest(@NotNull ReportType reportType, @NotNull ReportFormat format,
        @NotNull Level scopeLevel,
        @NotNull @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String scopeCode,
        @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo) {
}
