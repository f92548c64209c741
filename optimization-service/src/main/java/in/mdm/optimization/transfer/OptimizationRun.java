package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A calculation: its scope, its progress (0-100) and, once DONE, its plan's totals (kg
 * moved, km driven summed over the recommendations, ₹, children-days covered, the
 * shortage before and after in kg, the solver's time).
 */
public record OptimizationRun(UUID id, String districtCode, String blockCode, Commodity commodity, int horizonDays,
        String status, int progress, String requestedBy, Instant createdAt, Instant finishedAt, String error,
        Integer sites, Integer recommendations, BigDecimal kgMoved, BigDecimal km, BigDecimal costInr,
        Long childrenDays, BigDecimal shortageKgBefore, BigDecimal shortageKgAfter, Long solveMillis) {
}
