package in.mdm.platform.security.crypto;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTests {

    private static final byte[] OLD = bytes(1);

    private static final byte[] NEW = bytes(2);

    private static final byte[] INDEX = bytes(3);

    private final FieldCipher cipher = new FieldCipher(Map.of("k2025", OLD, "k2026", NEW), "k2026", INDEX);

    @Test
    void encryptsWithAFreshNonceUnderTheActiveKeyAndDecrypts() {
        String stored = cipher.encrypt("users.email", "head.master@tn.gov.in");

        assertThat(stored).startsWith("v1:k2026:").doesNotContain("head.master");
        assertThat(cipher.encrypt("users.email", "head.master@tn.gov.in")).isNotEqualTo(stored);
        assertThat(cipher.decrypt("users.email", stored)).isEqualTo("head.master@tn.gov.in");
        assertThat(Base64.getDecoder().decode(stored.substring("v1:k2026:".length())))
            .hasSize(12 + "head.master@tn.gov.in".length() + 16);
        assertThat(cipher.encrypt("users.email", null)).isNull();
        assertThat(cipher.decrypt("users.email", null)).isNull();
    }

    @Test
    void aValueDoesNotDecryptUnderAnotherContext() {
        String email = cipher.encrypt("users.email", "head.master@tn.gov.in");

        assertThatThrownBy(() -> cipher.decrypt("users.display_name", email))
            .isInstanceOf(FieldCipher.FieldCipherException.class)
            .hasMessageContaining("users.display_name");
    }

    @Test
    void aChangedValueOrKeyIdDoesNotDecrypt() {
        String stored = cipher.encrypt("users.phone", "+919443012345");
        byte[] sealed = Base64.getDecoder().decode(stored.substring("v1:k2026:".length()));
        sealed[sealed.length - 20] ^= 1;
        String tampered = "v1:k2026:" + Base64.getEncoder().encodeToString(sealed);
        // the same bytes relabelled as written with the other key of the ring
        String relabelled = stored.replace("v1:k2026:", "v1:k2025:");

        assertThatThrownBy(() -> cipher.decrypt("users.phone", tampered))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("users.phone", relabelled))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("users.phone", "v1:k2026:not base64!"))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("users.phone", "+919443012345"))
            .isInstanceOf(FieldCipher.FieldCipherException.class);
    }

    @Test
    void aValueUnderAnOldKeyOfTheRingDecryptsWhileNewValuesUseTheActiveKey() {
        FieldCipher before = new FieldCipher(Map.of("k2025", OLD), "k2025", INDEX);
        String old = before.encrypt("users.display_name", "Selvi Murugan");

        assertThat(FieldCipher.keyId(old)).isEqualTo("k2025");
        assertThat(cipher.decrypt("users.display_name", old)).isEqualTo("Selvi Murugan");
        assertThat(FieldCipher.keyId(cipher.encrypt("users.display_name", "Selvi Murugan"))).isEqualTo("k2026");
        String rotated = cipher.reencrypt("users.display_name", old);
        assertThat(rotated).startsWith(cipher.activePrefix());
        assertThat(cipher.decrypt("users.display_name", rotated)).isEqualTo("Selvi Murugan");
        // once the old key leaves the ring its values no longer decrypt
        FieldCipher after = new FieldCipher(Map.of("k2026", NEW), "k2026", INDEX);
        assertThatThrownBy(() -> after.decrypt("users.display_name", old)).hasMessageContaining("k2025");
        assertThat(after.decrypt("users.display_name", rotated)).isEqualTo("Selvi Murugan");
    }

    @Test
    void theBlindIndexIsEqualForEqualInputAndDiffersAcrossContextsAndValues() {
        String index = cipher.blindIndex("users.email", "head.master@tn.gov.in");

        assertThat(index).hasSize(64).matches("[0-9a-f]+");
        assertThat(new FieldCipher(Map.of("other", OLD), "other", INDEX).blindIndex("users.email",
                "head.master@tn.gov.in"))
            .as("independent of the encryption keys")
            .isEqualTo(index);
        assertThat(cipher.blindIndex("users.phone", "head.master@tn.gov.in")).isNotEqualTo(index);
        assertThat(cipher.blindIndex("users.email", "head.master2@tn.gov.in")).isNotEqualTo(index);
        assertThat(new FieldCipher(Map.of("k2026", NEW), "k2026", bytes(4)).blindIndex("users.email",
                "head.master@tn.gov.in"))
            .as("under another index key")
            .isNotEqualTo(index);
    }

    @Test
    void duringAnIndexKeyRotationLookupsTryTheNewIndexThenTheOld() {
        String old = cipher.blindIndex("users.email", "head.master@tn.gov.in");
        FieldCipher rotating = new FieldCipher(Map.of("k2026", NEW), "k2026", bytes(4), INDEX);
        assertThat(rotating.rotatingIndexKey()).isTrue();
        String fresh = rotating.blindIndex("users.email", "head.master@tn.gov.in");
        assertThat(fresh).as("written under the new index key").isNotEqualTo(old);
        assertThat(rotating.blindIndexes("users.email", "head.master@tn.gov.in")).containsExactly(fresh, old);
        assertThat(cipher.rotatingIndexKey()).isFalse();
        assertThat(cipher.blindIndexes("users.email", "head.master@tn.gov.in")).containsExactly(old);
        assertThat(cipher.blindIndexes("users.email", null)).isEmpty();
        assertThat(new FieldCipher(Map.of("k2026", NEW), "k2026", INDEX, INDEX).rotatingIndexKey())
            .as("the same key twice is no rotation")
            .isFalse();
    }

    @Test
    void aKeyRingIsCheckedWhenItIsMade() {
        assertThatThrownBy(() -> new FieldCipher(Map.of(), "k", INDEX)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k2026", NEW), "k2027", INDEX)).hasMessageContaining("k2027");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k:1", NEW), "k:1", INDEX)).hasMessageContaining("k:1");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k", new byte[16]), "k", INDEX))
            .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> FieldCipher.ofBase64(Map.of("k", "???"), "k", "")).hasMessageContaining("base64");
        FieldCipher fromBase64 = FieldCipher.ofBase64(Map.of("k", Base64.getEncoder().encodeToString(NEW)), "k",
                Base64.getEncoder().encodeToString(INDEX));
        assertThat(fromBase64.decrypt("c", fromBase64.encrypt("c", "x"))).isEqualTo("x");
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

}
