package in.mdm.optimization.scenario;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One change a what-if run makes, with the fields its type uses (and no other):
 * <ul>
 * <li>{@code SUPPLIER_DELAY}: {@code supplierCode}, {@code days};</li>
 * <li>{@code KITCHEN_CLOSED}: {@code kitchenId}, {@code fromDay}, {@code days};</li>
 * <li>{@code ATTENDANCE_SURGE}: {@code districtCode} or {@code blockCode},
 * {@code percent} (-100 to 1000);</li>
 * <li>{@code RELEASE_CUT}: {@code districtCode}, {@code percent} (1 to 100);</li>
 * <li>{@code FLOOD}: {@code districtCode}, {@code fromDay}, {@code days}.</li>
 * </ul>
 * Days are school days of the run: day 1 is the first simulated day.
 */
@ValidPerturbation
public record Perturbation(@NotNull PerturbationType type,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,32}",
                message = "must be a supplier code of 1-32 letters, digits, '.', '_' or '-'") String supplierCode,
        UUID kitchenId,
        @Pattern(regexp = Perturbation.AREA_CODE,
                message = "must be a district code of 1-8 letters or digits") String districtCode,
        @Pattern(regexp = Perturbation.AREA_CODE,
                message = "must be a block code of 1-8 letters or digits") String blockCode,
        @Min(1) @Max(ScenarioEngine.MAX_DAYS) Integer fromDay, @Min(1) @Max(ScenarioEngine.MAX_DAYS) Integer days,
        @Min(-100) @Max(1000) Integer percent) {

    static final String AREA_CODE = "[A-Za-z0-9]{1,8}";

    public static Perturbation supplierDelay(String supplierCode, int days) {
        return new Perturbation(PerturbationType.SUPPLIER_DELAY, supplierCode, null, null, null, null, days, null);
    }

    public static Perturbation kitchenClosed(UUID kitchenId, int fromDay, int days) {
        return new Perturbation(PerturbationType.KITCHEN_CLOSED, null, kitchenId, null, null, fromDay, days, null);
    }

    public static Perturbation surgeInDistrict(String districtCode, int percent) {
        return new Perturbation(PerturbationType.ATTENDANCE_SURGE, null, null, districtCode, null, null, null, percent);
    }

    public static Perturbation surgeInBlock(String blockCode, int percent) {
        return new Perturbation(PerturbationType.ATTENDANCE_SURGE, null, null, null, blockCode, null, null, percent);
    }

    public static Perturbation releaseCut(String districtCode, int percent) {
        return new Perturbation(PerturbationType.RELEASE_CUT, null, null, districtCode, null, null, null, percent);
    }

    public static Perturbation flood(String districtCode, int fromDay, int days) {
        return new Perturbation(PerturbationType.FLOOD, null, null, districtCode, null, fromDay, days, null);
    }

}
