package in.mdm.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPartsTests {

    @Test
    void gsm7TextTakes160InOnePartAnd153PerPartConcatenated() {
        assertThat(SmsParts.of("a".repeat(160))).isEqualTo(new SmsParts.Count(SmsParts.Encoding.GSM7, 160, 1));
        assertThat(SmsParts.of("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(SmsParts.of("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsParts.of("a".repeat(307)).parts()).isEqualTo(3);
        assertThat(SmsParts.of("").parts()).isZero();
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsParts.of("{}".repeat(40))).isEqualTo(new SmsParts.Count(SmsParts.Encoding.GSM7, 160, 1));
        assertThat(SmsParts.of("€" + "a".repeat(159)).parts()).isEqualTo(2);
    }

    @Test
    void tamilGoesAsUcs2At70InOnePartAnd67PerPartConcatenated() {
        assertThat(SmsParts.of("அ".repeat(70))).isEqualTo(new SmsParts.Count(SmsParts.Encoding.UCS2, 70, 1));
        assertThat(SmsParts.of("அ".repeat(71)).parts()).isEqualTo(2);
        assertThat(SmsParts.of("அ".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsParts.of("அ".repeat(135)).parts()).isEqualTo(3);
        // one Tamil letter makes the whole text UCS-2
        assertThat(SmsParts.of("MDM Twin CRITICAL alert: " + "x".repeat(50) + " எ").encoding())
            .isEqualTo(SmsParts.Encoding.UCS2);
    }

    @Test
    void theSeededTamilAlertSmsFitsInTwoParts() {
        String sms = TemplateService.fill("MDM Twin {{severity}}: {{scope}}-இல் {{title}}. {{alertLink}}",
                java.util.Map.of("severity", "CRITICAL", "scope", "school 33020100101", "title", "No meal served",
                        "alertLink", "http://localhost:8080/api/v1/alerts/6f1c2a9e-4b7d-4c11-9a53-2f0e8d7c5b31"));
        assertThat(SmsParts.of(sms).parts()).isLessThanOrEqualTo(2);
    }

}
