package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One category's cost norm from a date. */
public record NormResponse(String category, BigDecimal ratePerChildDay, int schoolDays, BigDecimal centreSharePercent,
        LocalDate effectiveFrom, String createdBy, Instant createdAt) {
}
