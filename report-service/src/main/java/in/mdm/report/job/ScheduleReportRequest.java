package in.mdm.report.job;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

/**
 * A report to produce on a cron schedule (Spring's six fields, Asia/Kolkata), each time
 * over the last whole period, and the users (by username) whom notification-service
 * tells.
 */
public record ScheduleReportRequest(@NotNull ReportType type, @NotNull PeriodKind period, @NotNull Level scope,
        @NotNull @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String code,
        @NotNull ReportFormat format, @Pattern(regexp = "en|ta", message = "must be en or ta") String language,
        @NotBlank @Size(max = 120) String cron,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                message = "must be a username") String> recipients) {
}
