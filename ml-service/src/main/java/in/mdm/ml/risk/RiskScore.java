package in.mdm.ml.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school's shortage-risk score (0-100, the calibrated probability of a day without a
 * meal for want of stock, funds or a cook in its next school days), its level, the model
 * version and the factors that raise it most.
 */
public record RiskScore(String udiseCode, String districtCode, String blockCode, LocalDate forDate, double score,
        String level, String modelVersion, List<Factor> factors, Instant scoredAt) {
}
