package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the release workflow needs of an allocation: where it lies, its amount and what
 * has been released.
 */
public record ReleasableAllocation(UUID id, String udiseCode, String academicYear, String districtCode,
        String blockCode, BigDecimal amount, BigDecimal released) {
}
