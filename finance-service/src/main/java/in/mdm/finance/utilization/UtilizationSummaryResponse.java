package in.mdm.finance.utilization;

import java.math.BigDecimal;

/** One school's year at a glance, for an officer's list: released, utilized, the percent and the band. */
public record UtilizationSummaryResponse(String udiseCode, String districtCode, String blockCode, BigDecimal released,
        BigDecimal utilized, BigDecimal utilizedPercent, String band, boolean flagged) {
}
