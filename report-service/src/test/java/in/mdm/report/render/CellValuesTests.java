package in.mdm.report.render;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import in.mdm.report.document.ReportDocument.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTests {

    @Test
    void indianGroupingPutsTheLastThreeDigitsThenPairs() {
        assertThat(CellValues.indian(BigDecimal.ZERO)).isEqualTo("0");
        assertThat(CellValues.indian(new BigDecimal("999"))).isEqualTo("999");
        assertThat(CellValues.indian(new BigDecimal("1000"))).isEqualTo("1,000");
        assertThat(CellValues.indian(new BigDecimal("100000"))).isEqualTo("1,00,000");
        assertThat(CellValues.indian(new BigDecimal("1234567"))).isEqualTo("12,34,567");
        assertThat(CellValues.indian(new BigDecimal("123456789"))).isEqualTo("12,34,56,789");
        assertThat(CellValues.indian(new BigDecimal("-8370000.5"))).isEqualTo("-83,70,000.5");
    }

    @Test
    void displayFormatsEachKindForPeople() {
        assertThat(CellValues.display(Kind.INTEGER, 1234567L)).isEqualTo("12,34,567");
        assertThat(CellValues.display(Kind.INTEGER, 42)).isEqualTo("42");
        assertThat(CellValues.display(Kind.DECIMAL, new BigDecimal("23329.975"))).isEqualTo("23,329.98");
        assertThat(CellValues.display(Kind.DECIMAL, 0.5)).isEqualTo("0.50");
        assertThat(CellValues.display(Kind.PERCENT, 0.125)).isEqualTo("12.5%");
        assertThat(CellValues.display(Kind.PERCENT, 1)).isEqualTo("100.0%");
        assertThat(CellValues.display(Kind.DATE, LocalDate.of(2026, 12, 5))).isEqualTo("05-12-2026");
        assertThat(CellValues.display(Kind.TEXT, "பள்ளி")).isEqualTo("பள்ளி");
        assertThat(CellValues.display(Kind.INTEGER, null)).isEmpty();
        assertThat(CellValues.display(Kind.DECIMAL, Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void aCountAmongDecimalsIsWrittenWhole() {
        assertThat(CellValues.kindOf(Kind.DECIMAL, 3L)).isEqualTo(Kind.INTEGER);
        assertThat(CellValues.kindOf(Kind.DECIMAL, new BigDecimal("3.00"))).isEqualTo(Kind.DECIMAL);
        assertThat(CellValues.kindOf(Kind.PERCENT, 3L)).isEqualTo(Kind.PERCENT);
        assertThat(CellValues.display(Kind.DECIMAL, 1234567L)).isEqualTo("12,34,567");
        assertThat(CellValues.display(Kind.DECIMAL, -2L)).isEqualTo("-2");
        assertThat(CellValues.display(Kind.DECIMAL, new BigDecimal("3"))).isEqualTo("3.00");
    }

    @Test
    void plainFormatsEachKindForMachinesWithoutLosingDigits() {
        assertThat(CellValues.plain(Kind.INTEGER, 1234567L)).isEqualTo("1234567");
        assertThat(CellValues.plain(Kind.DECIMAL, new BigDecimal("23329.975"))).isEqualTo("23329.975");
        assertThat(CellValues.plain(Kind.DECIMAL, 0.1)).isEqualTo("0.1");
        assertThat(CellValues.plain(Kind.PERCENT, 0.125)).isEqualTo("12.5%");
        assertThat(CellValues.plain(Kind.PERCENT, 1.0)).isEqualTo("100%");
        assertThat(CellValues.plain(Kind.PERCENT, 0.123456)).isEqualTo("12.3456%");
        assertThat(CellValues.plain(Kind.DATE, LocalDate.of(2026, 12, 5))).isEqualTo("2026-12-05");
        assertThat(CellValues.plain(Kind.TEXT, null)).isEmpty();
        assertThat(CellValues.plain(Kind.INTEGER, Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

}
