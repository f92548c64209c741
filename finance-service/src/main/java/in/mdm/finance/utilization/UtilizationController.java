package in.mdm.finance.utilization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/financial/utilization")
class UtilizationController {

    private final UtilizationService utilization;

    UtilizationController(UtilizationService utilization) {
        this.utilization = utilization;
    }

    /** Records a month's spending in a category; answers the school's year as it stands after it. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    @ResponseStatus(HttpStatus.CREATED)
    UtilizationReportResponse record(@Valid @RequestBody RecordUtilizationRequest request, Caller caller) {
        return utilization.record(request, caller);
    }

    @GetMapping("/school/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    UtilizationReportResponse report(
            @PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}", message = "must be an academic year like 2026-27")
            String academicYear,
            Caller caller) {
        return utilization.report(udiseCode, academicYear, caller);
    }
}
