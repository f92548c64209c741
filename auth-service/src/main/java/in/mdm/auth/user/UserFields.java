package in.mdm.auth.user;

import java.util.Locale;

import org.springframework.stereotype.Component;

import in.mdm.platform.security.crypto.FieldCipher;

/**
 * How the personal data of a user is stored: e-mail address, phone number and display
 * name encrypted under their column's context, and blind indexes of the e-mail address
 * (lower-cased) and the phone number for lookups. A row not yet encrypted is read from
 * its plain columns.
 */
@Component
class UserFields {

    static final String EMAIL = "users.email";

    static final String PHONE = "users.phone";

    static final String DISPLAY_NAME = "users.display_name";

    /** What is written to a row for its personal data. */
    record Sealed(String emailEnc, String phoneEnc, String displayNameEnc, String emailIndex, String phoneIndex) {
    }

    private final FieldCipher cipher;

    UserFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    Sealed seal(String email, String phone, String displayName) {
        return new Sealed(cipher.encrypt(EMAIL, email), cipher.encrypt(PHONE, phone),
                cipher.encrypt(DISPLAY_NAME, displayName), emailIndex(email), phoneIndex(phone));
    }

    /** The blind index of an e-mail address, whatever its case. */
    String emailIndex(String email) {
        return email == null ? null : cipher.blindIndex(EMAIL, email.trim().toLowerCase(Locale.ROOT));
    }

    String phoneIndex(String phone) {
        return phone == null ? null : cipher.blindIndex(PHONE, phone.trim());
    }

    /**
     * The indexes a lookup by e-mail tries: the current key's, and the previous key's
     * while an index key rotation runs.
     */
    java.util.List<String> emailIndexes(String email) {
        return email == null ? java.util.List.of() : cipher.blindIndexes(EMAIL, email.trim().toLowerCase(Locale.ROOT));
    }

    boolean rotatingIndexKey() {
        return cipher.rotatingIndexKey();
    }

    /** The value of a column: decrypted, or the plain one of a row not yet encrypted. */
    String open(String context, String encrypted, String plain) {
        return encrypted == null ? plain : cipher.decrypt(context, encrypted);
    }

    /** Re-encrypts a value with the active key (as it is when already under it). */
    String reencrypt(String context, String encrypted) {
        return cipher.reencrypt(context, encrypted);
    }

    String activePrefix() {
        return cipher.activePrefix();
    }

    String activeKeyId() {
        return cipher.activeKeyId();
    }

}
