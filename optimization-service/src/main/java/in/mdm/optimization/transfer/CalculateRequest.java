package in.mdm.optimization.transfer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A calculation over a district or one of its blocks (exactly one of the two), of one
 * commodity or (null) all four, over {@code horizonDays} school days (null: the
 * configured horizon, 7).
 */
public record CalculateRequest(
        @Pattern(regexp = "[0-9]{1,8}", message = "must be a district code of up to 8 digits") String districtCode,
        @Pattern(regexp = "[0-9]{1,8}", message = "must be a block code of up to 8 digits") String blockCode,
        Commodity commodity, @Min(1) @Max(30) Integer horizonDays) {

    /** Exactly one of {@code districtCode} and {@code blockCode}. */
    @AssertTrue(message = "give exactly one of districtCode and blockCode")
    public boolean isScope() {
        return (districtCode == null) != (blockCode == null);
    }

}
