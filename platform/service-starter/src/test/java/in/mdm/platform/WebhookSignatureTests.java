package in.mdm.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import in.mdm.platform.web.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"from\":\"+919876543210\",\"text\":\"MDM 33020100101 120 118\"}"
        .getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacOfTheBodyUnderTheSecretMatchesInEitherCase() {
        WebhookSignature signature = new WebhookSignature("s3cret");
        String header = signature.header(BODY);
        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(signature.matches(BODY, header)).isTrue();
        assertThat(signature.matches(BODY, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void anotherBodySecretOrShapeDoesNotMatch() {
        WebhookSignature signature = new WebhookSignature("s3cret");
        String header = signature.header(BODY);
        assertThat(signature.matches("{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(new WebhookSignature("other").matches(BODY, header)).isFalse();
        assertThat(signature.matches(BODY, header.substring(7))).as("bare hex").isFalse();
        assertThat(signature.matches(BODY, "sha256=zz")).isFalse();
        assertThat(signature.matches(BODY, null)).isFalse();
    }

    @Test
    void withoutASecretNothingMatches() {
        WebhookSignature none = new WebhookSignature("");
        assertThat(none.configured()).isFalse();
        assertThat(none.matches(BODY, none.header(BODY))).isFalse();
    }

    @Test
    void agreesWithAKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        WebhookSignature jefe = new WebhookSignature("Jefe");
        assertThat(jefe.header("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
            .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

}
