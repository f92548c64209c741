package in.mdm.notification.delivery;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RupeesTests {

    @Test
    void amountsAreGroupedAsIndiaWritesThem() {
        assertThat(DomainEventListener.rupees(new BigDecimal("1250000.5"))).isEqualTo("12,50,000.50");
        assertThat(DomainEventListener.rupees(new BigDecimal("123456789.125"))).isEqualTo("12,34,56,789.12");
        assertThat(DomainEventListener.rupees(new BigDecimal("999"))).isEqualTo("999.00");
        assertThat(DomainEventListener.rupees(new BigDecimal("1000"))).isEqualTo("1,000.00");
        assertThat(DomainEventListener.rupees(new BigDecimal("-100000"))).isEqualTo("-1,00,000.00");
    }

}
