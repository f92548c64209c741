package in.mdm.platform.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventSealTests {

    static final String TYPE = "in.mdm.auth.UserRegistered.v1";

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private final EventSeal seal = new EventSeal(FieldCipher.ofBase64(Map.of("k1", key(1)), "k1", key(9)));

    @Test
    void aSealedValueHoldsNothingOfThePlainAndOpensInItsOwnField() {
        String sealed = seal.seal(TYPE, "email", "hm.33070100001@school.tn.gov.in");
        assertThat(sealed).startsWith("sealed:v1:k1:").doesNotContain("hm.33070100001").doesNotContain("school");
        assertThat(EventSeal.isSealed(sealed)).isTrue();
        assertThat(seal.open(TYPE, "email", sealed)).isEqualTo("hm.33070100001@school.tn.gov.in");
        assertThat(seal.seal(TYPE, "email", "a@b.in")).as("a fresh nonce each time")
            .isNotEqualTo(seal.seal(TYPE, "email", "a@b.in"));
    }

    @Test
    void aValueMovedToAnotherFieldOrEventDoesNotOpen() {
        String sealed = seal.seal(TYPE, "email", "a@b.in");
        assertThatThrownBy(() -> seal.open(TYPE, "phone", sealed)).isInstanceOf(FieldCipher.FieldCipherException.class);
        assertThatThrownBy(() -> seal.open("in.mdm.auth.UserUpdated.v1", "email", sealed))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
    }

    @Test
    void aPlainValueOfAnOlderEventReadsAsItIsAndNullStaysNull() {
        assertThat(seal.open(TYPE, "email", "a@b.in")).isEqualTo("a@b.in");
        assertThat(seal.seal(TYPE, "phone", null)).isNull();
        assertThat(seal.open(TYPE, "phone", null)).isNull();
    }

    @Test
    void anotherRingWithTheOldKeyStillOpensAndOneWithoutItRefuses() {
        String sealed = seal.seal(TYPE, "activationToken", "t0k3n");
        EventSeal rotated = new EventSeal(FieldCipher.ofBase64(Map.of("k1", key(1), "k2", key(2)), "k2", key(9)));
        assertThat(rotated.open(TYPE, "activationToken", sealed)).isEqualTo("t0k3n");
        assertThat(rotated.seal(TYPE, "activationToken", "x")).startsWith("sealed:v1:k2:");
        EventSeal without = new EventSeal(FieldCipher.ofBase64(Map.of("k2", key(2)), "k2", key(9)));
        assertThatThrownBy(() -> without.open(TYPE, "activationToken", sealed))
            .isInstanceOf(FieldCipher.FieldCipherException.class)
            .hasMessageContaining("k1");
    }

    @Test
    void anEventClassSealsUnderItsCatalogType() {
        String sealed = seal.seal(in.mdm.events.auth.UserRegistered.class, "email", "a@b.in");
        assertThat(seal.open(TYPE, "email", sealed)).as("the class's type is " + TYPE).isEqualTo("a@b.in");
        assertThat(seal.open(in.mdm.events.auth.UserRegistered.class, "email", sealed)).isEqualTo("a@b.in");
        assertThatThrownBy(() -> seal.open(in.mdm.events.auth.UserUpdated.class, "email", sealed))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
    }

}
