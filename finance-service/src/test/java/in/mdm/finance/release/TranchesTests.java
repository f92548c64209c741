package in.mdm.finance.release;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranchesTests {

    static final BigDecimal QUARTER = new BigDecimal("25");

    @Test
    void fourTranchesOf1000_03Are250_01And250_01And250_00And250_01() {
        BigDecimal allocation = new BigDecimal("1000.03");

        assertThat(Tranches.tranche(allocation, QUARTER, 1)).isEqualTo(new BigDecimal("250.01"));
        assertThat(Tranches.tranche(allocation, QUARTER, 2)).isEqualTo(new BigDecimal("250.01"));
        assertThat(Tranches.tranche(allocation, QUARTER, 3)).isEqualTo(new BigDecimal("250.00"));
        assertThat(Tranches.tranche(allocation, QUARTER, 4)).isEqualTo(new BigDecimal("250.01"));
    }

    @Test
    void aTrancheOf37290At95PercentReleases35425_50() {
        assertThat(Tranches.tranche(new BigDecimal("149160.00"), QUARTER, 1)).isEqualTo(new BigDecimal("37290.00"));
        assertThat(Tranches.release(new BigDecimal("37290.00"), new BigDecimal("95")))
            .isEqualTo(new BigDecimal("35425.50"));
        // 0.05 × 0.93 = 0.0465 → 0.05; 0.15 × 0.97 = 0.1455 → 0.15
        assertThat(Tranches.release(new BigDecimal("0.05"), new BigDecimal("93"))).isEqualTo(new BigDecimal("0.05"));
        assertThat(Tranches.release(new BigDecimal("0.50"), new BigDecimal("93"))).isEqualTo(new BigDecimal("0.46")); // 0.465
    }

    @Test
    void theFourTranchesAlwaysAddUpToTheAllocationToThePaisa() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal allocation = BigDecimal.valueOf(random.nextLong(1_000_000_000L), 2);
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (int q = 1; q <= 4; q++) {
                BigDecimal tranche = Tranches.tranche(allocation, QUARTER, q);
                assertThat(tranche.signum()).isGreaterThanOrEqualTo(0);
                sum = sum.add(tranche);
            }
            assertThat(sum).isEqualTo(allocation);
        }
    }

}
