package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One category's cost norm from a date, as stored: the rate per child per school day, the
 * days, the centre's share.
 */
record CostNorm(NormCategory category, BigDecimal ratePerChildDay, int schoolDays, BigDecimal centreSharePercent,
        LocalDate effectiveFrom, String createdBy, Instant createdAt) {
}
