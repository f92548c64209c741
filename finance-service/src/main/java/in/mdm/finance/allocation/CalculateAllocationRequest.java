package in.mdm.finance.allocation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import in.mdm.platform.web.ValidAcademicYear;

/**
 * Calculate the allocations of an academic year, for the whole state or for one district
 * or one block.
 */
public record CalculateAllocationRequest(@NotNull @ValidAcademicYear String academicYear,
        @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
        @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode) {
}
