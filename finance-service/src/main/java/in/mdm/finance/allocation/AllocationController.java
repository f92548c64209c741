package in.mdm.finance.allocation;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ValidAcademicYear;

@RestController
@RequestMapping("/api/v1/financial/allocations")
class AllocationController {

    private final AllocationService allocations;

    AllocationController(AllocationService allocations) {
        this.allocations = allocations;
    }

    @PostMapping("/calculate")
    @PreAuthorize("hasRole('ADMIN')")
    AllocationTotalsResponse calculate(@Valid @RequestBody CalculateAllocationRequest request, Caller caller) {
        return AllocationTotalsResponse.of(allocations.calculate(request, caller));
    }

    @GetMapping("/school/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    SchoolAllocationResponse school(
            @PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam @NotNull @ValidAcademicYear String academicYear, Caller caller) {
        return SchoolAllocationResponse.of(allocations.school(udiseCode, academicYear, caller));
    }

    @GetMapping("/block/{blockCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    AllocationTotalsResponse block(
            @PathVariable @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
            @RequestParam @NotNull @ValidAcademicYear String academicYear, Caller caller) {
        return AllocationTotalsResponse.of(allocations.block(blockCode, academicYear, caller));
    }

    @GetMapping("/{districtCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    AllocationTotalsResponse district(
            @PathVariable @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @RequestParam @NotNull @ValidAcademicYear String academicYear, Caller caller) {
        return AllocationTotalsResponse.of(allocations.district(districtCode, academicYear, caller));
    }

    @PutMapping("/{allocationId}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    SchoolAllocationResponse adjust(@PathVariable UUID allocationId,
            @Valid @RequestBody AdjustAllocationRequest request, Caller caller) {
        return SchoolAllocationResponse.of(allocations.adjust(allocationId, request, caller));
    }

}
