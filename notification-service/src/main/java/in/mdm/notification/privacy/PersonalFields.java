package in.mdm.notification.privacy;

import org.springframework.stereotype.Component;

import in.mdm.platform.security.crypto.FieldCipher;

/**
 * How this service stores personal data: the recipients' e-mail, phone and name, and the
 * address each delivery goes to, encrypted under their column's context with the
 * platform's {@link FieldCipher}, never in plain text. A row not yet encrypted (from
 * before encryption, or written by hand) is read from its plain column, which wins over
 * the encrypted one while it holds a value.
 */
@Component
public class PersonalFields {

    public static final String EMAIL = "recipients.email";

    public static final String PHONE = "recipients.phone";

    public static final String NAME = "recipients.display_name";

    public static final String ADDRESS = "deliveries.address";

    private final FieldCipher cipher;

    PersonalFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of a value of the column {@code context}; null for null. */
    public String seal(String context, String plain) {
        return cipher.encrypt(context, plain);
    }

    /** The value of a row: its plain column while it holds one, else decrypted. */
    public String open(String context, String encrypted, String plain) {
        return plain != null ? plain : cipher.decrypt(context, encrypted);
    }

    /** Re-encrypts a value with the active key (as it is when already under it). */
    String reencrypt(String context, String encrypted) {
        return cipher.reencrypt(context, encrypted);
    }

}
