package in.mdm.finance.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/financial/allocations")
class AllocationController {

    private final AllocationService allocations;

    AllocationController(AllocationService allocations) {
        this.allocations = allocations;
    }

    @PostMapping("/calculate")
    AllocationTotalsResponse calculate(@Valid @RequestBody CalculateAllocationRequest request) {
        return allocations.calculate(request);
    }

    @GetMapping("/school/{udiseCode}")
    SchoolAllocationResponse school(
            @PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam @NotNull @AcademicYear String academicYear) {
        return allocations.school(udiseCode, academicYear);
    }

    @GetMapping("/block/{blockCode}")
    AllocationTotalsResponse block(
            @PathVariable @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
            @RequestParam @NotNull @AcademicYear String academicYear) {
        return allocations.block(blockCode, academicYear);
    }

    @GetMapping("/{districtCode}")
    AllocationTotalsResponse district(
            @PathVariable @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @RequestParam @NotNull @AcademicYear String academicYear) {
        return allocations.district(districtCode, academicYear);
    }
}
