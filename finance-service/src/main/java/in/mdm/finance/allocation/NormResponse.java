package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One category's cost norm from a date. */
public record NormResponse(NormCategory category, BigDecimal ratePerChildDay, int schoolDays,
        BigDecimal centreSharePercent, LocalDate effectiveFrom, String createdBy, Instant createdAt) {

    static NormResponse of(CostNorm n) {
        return new NormResponse(n.category(), n.ratePerChildDay(), n.schoolDays(), n.centreSharePercent(),
                n.effectiveFrom(), n.createdBy(), n.createdAt());
    }
}
