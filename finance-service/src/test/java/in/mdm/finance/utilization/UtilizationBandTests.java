package in.mdm.finance.utilization;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtilizationBandTests {

    static final BigDecimal LOW = new BigDecimal("96");
    static final BigDecimal HIGH = new BigDecimal("100");

    @Test
    void ninetySixToAHundredPercentIsWithinTheBandBothEndsIncluded() {
        assertThat(UtilizationBand.of(new BigDecimal("95.99"), LOW, HIGH)).isEqualTo(UtilizationBand.BELOW);
        assertThat(UtilizationBand.of(new BigDecimal("96.00"), LOW, HIGH)).isEqualTo(UtilizationBand.WITHIN);
        assertThat(UtilizationBand.of(new BigDecimal("100.00"), LOW, HIGH)).isEqualTo(UtilizationBand.WITHIN);
        assertThat(UtilizationBand.of(new BigDecimal("100.01"), LOW, HIGH)).isEqualTo(UtilizationBand.ABOVE);
        assertThat(UtilizationBand.of(null, LOW, HIGH)).isEqualTo(UtilizationBand.NO_RELEASE);
    }

    @Test
    void outsideTheBandIsFlaggedAndSoIsSpendingWithNothingReleased() {
        assertThat(UtilizationBand.WITHIN.flagged(new BigDecimal("97.00"))).isFalse();
        assertThat(UtilizationBand.BELOW.flagged(BigDecimal.ZERO)).isTrue();
        assertThat(UtilizationBand.ABOVE.flagged(new BigDecimal("1.00"))).isTrue();
        assertThat(UtilizationBand.NO_RELEASE.flagged(new BigDecimal("0.00"))).isFalse();
        assertThat(UtilizationBand.NO_RELEASE.flagged(new BigDecimal("0.01"))).isTrue();
    }

}
