package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CostNormsTests {

    static final CostNorms NORMS_2025 = new CostNorms(new BigDecimal("6.78"), new BigDecimal("10.17"), 220,
            new BigDecimal("60.00"));

    @Test
    void hundredPrimaryChildrenAt6_80For220DaysCost149600() {
        CostNorms norms = new CostNorms(new BigDecimal("6.80"), new BigDecimal("10.17"), 220, new BigDecimal("60.00"));

        CostNorms.Split split = norms.allocate(100, 0);

        assertThat(split.amount()).isEqualTo(new BigDecimal("149600.00"));
        assertThat(split.centreShare()).isEqualTo(new BigDecimal("89760.00"));
        assertThat(split.stateShare()).isEqualTo(new BigDecimal("59840.00"));
    }

    @Test
    void mixedSchoolOf120PrimaryAnd80UpperPrimaryWith2025NormsCosts357984() {
        // 120 × 6.78 × 220 = 178 992.00 and 80 × 10.17 × 220 = 178 992.00
        CostNorms.Split split = NORMS_2025.allocate(120, 80);

        assertThat(split.amount()).isEqualTo(new BigDecimal("357984.00"));
        assertThat(split.centreShare()).isEqualTo(new BigDecimal("214790.40"));
        assertThat(split.stateShare()).isEqualTo(new BigDecimal("143193.60"));
    }

    @Test
    void oneUpperPrimaryChildAt10_17For1DayAt90PercentRoundsTheCentreShareHalfEvenTo9_15() {
        // 10.17 × 0.9 = 9.153 → 9.15; the state keeps the rest, 1.02
        CostNorms norms = new CostNorms(new BigDecimal("6.78"), new BigDecimal("10.17"), 1, new BigDecimal("90.00"));

        CostNorms.Split split = norms.allocate(0, 1);

        assertThat(split.centreShare()).isEqualTo(new BigDecimal("9.15"));
        assertThat(split.stateShare()).isEqualTo(new BigDecimal("1.02"));
    }

    @Test
    void aTieGoesToTheEvenPaisa() {
        CostNorms ninety = new CostNorms(new BigDecimal("0.05"), new BigDecimal("0.15"), 1, new BigDecimal("90.00"));

        assertThat(ninety.centreShare(new BigDecimal("0.05"))).isEqualTo(new BigDecimal("0.04")); // 0.045
        assertThat(ninety.centreShare(new BigDecimal("0.15"))).isEqualTo(new BigDecimal("0.14")); // 0.135
        assertThat(ninety.centreShare(new BigDecimal("0.25"))).isEqualTo(new BigDecimal("0.22")); // 0.225
        assertThat(ninety.allocate(1, 0).stateShare()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void centreAndStateAlwaysAddUpToTheAmountToThePaisa() {
        Random random = new Random(20261124);
        for (int i = 0; i < 10_000; i++) {
            CostNorms norms = new CostNorms(BigDecimal.valueOf(random.nextInt(2000), 2),
                    BigDecimal.valueOf(random.nextInt(3000), 2), 1 + random.nextInt(250),
                    BigDecimal.valueOf(random.nextInt(10001), 2));
            CostNorms.Split split = norms.allocate(random.nextInt(2000), random.nextInt(1500));

            assertThat(split.centreShare().add(split.stateShare())).isEqualTo(split.amount());
            assertThat(split.amount().scale()).isEqualTo(2);
            assertThat(split.centreShare().scale()).isEqualTo(2);
            assertThat(split.stateShare().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void academicYearsMustBeConsecutive() {
        assertThat(in.mdm.events.AcademicYear.isValid("2026-27")).isTrue();
        assertThat(in.mdm.events.AcademicYear.isValid("2099-00")).isTrue();
        assertThat(in.mdm.events.AcademicYear.isValid("2026-28")).isFalse();
        assertThat(in.mdm.events.AcademicYear.isValid("2026-2027")).isFalse();
        assertThat(in.mdm.events.AcademicYear.isValid("26-27")).isFalse();
        assertThat(in.mdm.events.AcademicYear.start("2026-27")).hasToString("2026-06-01");
    }

}
