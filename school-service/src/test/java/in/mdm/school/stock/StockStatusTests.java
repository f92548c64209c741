package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockStatusTests {

    static final int LOW = 7;
    static final int OVER = 60;

    StockStatus status(String kg, String days) {
        return StockStatus.of(new BigDecimal(kg), days == null ? null : new BigDecimal(days), LOW, OVER);
    }

    @Test
    void daysOfStockBoundaries() {
        assertThat(status("0.000", "0")).isEqualTo(StockStatus.STOCK_OUT);
        assertThat(status("0.000", null)).isEqualTo(StockStatus.STOCK_OUT);
        assertThat(status("0.001", "0.0")).isEqualTo(StockStatus.LOW);
        assertThat(status("10", "6.9")).isEqualTo(StockStatus.LOW);
        assertThat(status("10", "7.0")).isEqualTo(StockStatus.ADEQUATE);
        assertThat(status("10", "60.0")).isEqualTo(StockStatus.ADEQUATE);
        assertThat(status("10", "60.1")).isEqualTo(StockStatus.OVER_STOCKED);
        assertThat(status("10", null)).as("need unknown").isEqualTo(StockStatus.ADEQUATE);
    }

    @Test
    void onlyACrossingIntoLowOrOutCounts() {
        assertThat(StockStatus.LOW.crossedDownFrom(StockStatus.ADEQUATE)).isTrue();
        assertThat(StockStatus.LOW.crossedDownFrom(StockStatus.OVER_STOCKED)).isTrue();
        assertThat(StockStatus.LOW.crossedDownFrom(StockStatus.LOW)).isFalse();
        assertThat(StockStatus.LOW.crossedDownFrom(StockStatus.STOCK_OUT)).as("a partial refill").isFalse();
        assertThat(StockStatus.STOCK_OUT.crossedDownFrom(StockStatus.LOW)).isTrue();
        assertThat(StockStatus.STOCK_OUT.crossedDownFrom(StockStatus.STOCK_OUT)).isFalse();
        assertThat(StockStatus.ADEQUATE.crossedDownFrom(StockStatus.LOW)).isFalse();
    }

    @Test
    void consumptionFollowsTheNormsExactly() {
        NormResponse rice = new NormResponse(Commodity.RICE, new BigDecimal("100"), new BigDecimal("150"), null,
                Instant.EPOCH);
        NormResponse oil = new NormResponse(Commodity.OIL, new BigDecimal("5"), new BigDecimal("7.5"), null,
                Instant.EPOCH);
        assertThat(StockService.kilograms(rice, 40, 30)).isEqualByComparingTo("8.500");
        assertThat(StockService.kilograms(oil, 40, 30)).isEqualByComparingTo("0.425");
        // 12.5 g is kept to the gram, half to even
        assertThat(StockService.kilograms(oil, 1, 1)).isEqualByComparingTo("0.012");
    }

    @Test
    void daysOfStockRoundDown() {
        assertThat(StockService.days(new BigDecimal("91.5"), new BigDecimal("8.5"))).isEqualByComparingTo("10.7");
        assertThat(StockService.days(new BigDecimal("5"), BigDecimal.ZERO)).isNull();
    }

}
