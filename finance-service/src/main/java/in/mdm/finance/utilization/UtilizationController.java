package in.mdm.finance.utilization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/financial/utilization")
class UtilizationController {

    private final UtilizationService utilization;

    private final AreaFilters areas;

    UtilizationController(UtilizationService utilization, AreaFilters areas) {
        this.utilization = utilization;
        this.areas = areas;
    }

    /**
     * Records a month's spending in a category; answers the school's year as it stands
     * after it.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    @ResponseStatus(HttpStatus.CREATED)
    UtilizationReportResponse record(@Valid @RequestBody RecordUtilizationRequest request, Caller caller) {
        return utilization.record(request, caller);
    }

    /**
     * Each school's year in the caller's jurisdiction, optionally only those outside the
     * 96-100 % band.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    PageResponse<UtilizationSummaryResponse> summaries(
            @RequestParam @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}",
                    message = "must be an academic year like 2026-27") String academicYear,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "false") boolean flaggedOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return utilization.summaries(academicYear, districtCode, blockCode, flaggedOnly, caller, page, size);
    }

    @GetMapping("/school/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    UtilizationReportResponse report(
            @PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}",
                    message = "must be an academic year like 2026-27") String academicYear,
            Caller caller) {
        return utilization.report(udiseCode, academicYear, caller);
    }

}
