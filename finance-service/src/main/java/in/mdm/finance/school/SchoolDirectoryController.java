package in.mdm.finance.school;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.security.access.prepost.PreAuthorize;

import in.mdm.finance.FinanceProblems;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/** The schools finance-service funds, as it knows them from school-service's events. */
@RestController
@RequestMapping("/api/v1/financial/schools")
class SchoolDirectoryController {

    private final SchoolDirectoryRepository directory;

    private final AreaFilters areas;

    SchoolDirectoryController(SchoolDirectoryRepository directory, AreaFilters areas) {
        this.directory = directory;
        this.areas = areas;
    }

    @GetMapping("/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    FundedSchoolResponse get(
            @PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
            Caller caller) {
        return directory.find(udiseCode, scope(caller))
            .map(FundedSchoolResponse::of)
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.SCHOOL_NOT_FOUND,
                    "No funded school with UDISE code " + udiseCode));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<FundedSchoolResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return directory.page(districtCode, blockCode, scope(caller), page, size).map(FundedSchoolResponse::of);
    }

    private static JurisdictionScope.Condition scope(Caller caller) {
        return JurisdictionScope.of(caller).where(SchoolDirectoryRepository.PLACE);
    }

}
