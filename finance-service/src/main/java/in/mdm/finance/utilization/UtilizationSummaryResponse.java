package in.mdm.finance.utilization;

import java.math.BigDecimal;

/**
 * One school's year at a glance, for an officer's list: released, utilized, the percent
 * and the band.
 */
public record UtilizationSummaryResponse(String udiseCode, String districtCode, String blockCode, BigDecimal released,
        BigDecimal utilized, BigDecimal utilizedPercent, UtilizationBand band, boolean flagged) {

    static UtilizationSummaryResponse of(UtilizationSummary s, BigDecimal bandLow, BigDecimal bandHigh) {
        UtilizationBand band = UtilizationBand.of(s.utilizedPercent(), bandLow, bandHigh);
        return new UtilizationSummaryResponse(s.udiseCode(), s.districtCode(), s.blockCode(), s.released(),
                s.utilized(), s.utilizedPercent(), band, band.flagged(s.utilized()));
    }
}
