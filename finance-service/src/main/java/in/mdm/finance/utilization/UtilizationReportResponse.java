package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A school's year: released, utilized and expected (meals actually served × the rate in
 * force on each day), the variances, and whether utilization lies in the band (96-100 %
 * of released by default); per month too.
 */
public record UtilizationReportResponse(String udiseCode, String academicYear, BigDecimal released, BigDecimal utilized,
        BigDecimal utilizedPercent, long meals, BigDecimal expected, BigDecimal utilizedMinusExpected,
        BigDecimal releasedMinusUtilized, UtilizationBand band, boolean flagged, List<Month> months) {

    public record Month(String month, long meals, BigDecimal expected, BigDecimal utilized,
            Map<SpendingCategory, BigDecimal> byCategory) {
    }
}
