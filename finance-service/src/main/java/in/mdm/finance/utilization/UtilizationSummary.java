package in.mdm.finance.utilization;

import java.math.BigDecimal;

/**
 * One allocated school's year: released, utilized and the percent of released utilized
 * ({@code null}: none released).
 */
record UtilizationSummary(String udiseCode, String districtCode, String blockCode, BigDecimal released,
        BigDecimal utilized, BigDecimal utilizedPercent) {
}
