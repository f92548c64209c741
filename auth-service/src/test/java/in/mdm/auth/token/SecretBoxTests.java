package in.mdm.auth.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

    @Test
    void sealsWithAFreshNonceAndOpensWithTheSameKeyOnly() {
        SecretBox box = new SecretBox("one key");
        String sealed = box.seal("JBSWY3DPEHPK3PXP");

        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> new SecretBox("another key").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("").open(sealed)).hasMessageContaining("MDM_AUTH_DATA_KEY");
        // a tampered value does not open
        String tampered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyValuesStayAsTheyAreAndUnsealedOnesAreReadAsTheyAre() {
        assertThat(new SecretBox("").seal("plain")).isEqualTo("plain");
        assertThat(new SecretBox("a key").open("{\"kty\":\"RSA\"}")).isEqualTo("{\"kty\":\"RSA\"}");
        assertThat(new SecretBox("a key").open(null)).isNull();
    }

}
