package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Instant;

public record NormResponse(Commodity commodity, BigDecimal primaryGrams, BigDecimal upperPrimaryGrams, String updatedBy,
        Instant updatedAt) {
}
