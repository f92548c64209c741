package in.mdm.school.school;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import in.mdm.platform.security.crypto.FieldCipher;

/**
 * How a school's headmaster is stored: the name and the phone number encrypted under
 * their column's context with the platform's {@link FieldCipher} (never in plain text),
 * and a blind index of the phone number in its normalized form ({@link #normalizePhone})
 * for lookups. The phone number is kept as it was given, so the API answers it as before.
 * A row not yet encrypted (from before encryption, or written by hand) is read from its
 * plain columns, which win over the encrypted ones while they hold a value.
 */
@Component
public class HeadmasterFields {

    static final String NAME = "schools.headmaster_name";

    static final String PHONE = "schools.headmaster_phone";

    private static final String INDIA = "91";

    /** What is written to a school's row for its headmaster. */
    record Sealed(String nameEnc, String phoneEnc, String phoneIndex) {
    }

    private final FieldCipher cipher;

    HeadmasterFields(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The encrypted name and phone and the phone's index; a value the school already
     * holds encrypted keeps its stored ciphertext, so an update that does not change the
     * headmaster leaves the row's values (and their audit) as they were.
     * @param current the school as stored, or null for a new one
     */
    Sealed seal(String name, String phone, School current) {
        String nameEnc = current != null && current.headmasterNameEnc() != null
                && Objects.equals(name, current.headmasterName()) ? current.headmasterNameEnc()
                        : cipher.encrypt(NAME, name);
        String phoneEnc = current != null && current.headmasterPhoneEnc() != null
                && Objects.equals(phone, current.headmasterPhone()) ? current.headmasterPhoneEnc()
                        : cipher.encrypt(PHONE, phone);
        return new Sealed(nameEnc, phoneEnc, phoneIndex(phone));
    }

    /**
     * The blind index of a phone number, whatever form it is written in; null for null or
     * for what is not a phone number.
     */
    String phoneIndex(String phone) {
        String normalized = normalizePhone(phone);
        return normalized == null ? null : cipher.blindIndex(PHONE, normalized);
    }

    /**
     * The indexes a lookup by phone tries: the current index key's, and the previous
     * key's while an index key rotation runs; empty for what is not a phone number.
     */
    java.util.List<String> phoneIndexes(String phone) {
        return cipher.blindIndexes(PHONE, normalizePhone(phone));
    }

    /** The plain phone of a stored (encrypted) value; null for null. */
    String openPhone(String encrypted) {
        return encrypted == null ? null : cipher.decrypt(PHONE, encrypted);
    }

    /**
     * The headmaster's name: the plain value of a row not yet encrypted, or decrypted.
     */
    public String name(String encrypted, String plain) {
        return plain != null ? plain : cipher.decrypt(NAME, encrypted);
    }

    /**
     * The headmaster's phone: the plain value of a row not yet encrypted, or decrypted.
     */
    public String phone(String encrypted, String plain) {
        return plain != null ? plain : cipher.decrypt(PHONE, encrypted);
    }

    /** Encrypts a value of a row still in plain text (null for null). */
    String encrypt(String context, String plain) {
        return cipher.encrypt(context, plain);
    }

    /** Re-encrypts a value with the active key (as it is when already under it). */
    String reencrypt(String context, String encrypted) {
        return cipher.reencrypt(context, encrypted);
    }

    /**
     * The school as the audit trail records it: the headmaster's name and phone as the
     * row stores them, encrypted (never the plain values).
     */
    SchoolResponse forAudit(School school) {
        return SchoolResponse.of(school)
            .withHeadmaster(
                    school.headmasterNameEnc() != null ? school.headmasterNameEnc()
                            : cipher.encrypt(NAME, school.headmasterName()),
                    school.headmasterPhoneEnc() != null ? school.headmasterPhoneEnc()
                            : cipher.encrypt(PHONE, school.headmasterPhone()));
    }

    /**
     * One form per phone number, the one the blind index is taken of: {@code +91} and the
     * ten digits for an Indian number written with or without {@code +91}, {@code 91} or
     * a leading {@code 0} ({@code 9840000003}, {@code 09840000003}, {@code 919840000003},
     * {@code +919840000003} are all {@code +919840000003}), else {@code +} and its
     * digits; spaces, dashes and brackets do not count.
     * @return null for null, or for fewer than 10 or more than 15 digits
     */
    public static String normalizePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            return "+" + INDIA + digits;
        }
        if (digits.length() == 11 && digits.startsWith("0")) {
            return "+" + INDIA + digits.substring(1);
        }
        if (digits.length() < 10 || digits.length() > 15) {
            return null;
        }
        return "+" + digits;
    }

    /**
     * The forms a number with this normalized form may have been stored in before
     * encryption (the register took {@code +?[0-9]{10,13}}): for lookups among rows not
     * yet encrypted.
     */
    static List<String> plainForms(String phone) {
        String normalized = normalizePhone(phone);
        if (normalized == null) {
            return List.of();
        }
        if (normalized.length() == 13 && normalized.startsWith("+" + INDIA)) {
            String local = normalized.substring(3);
            return List.of(normalized, INDIA + local, local, "0" + local);
        }
        return List.of(normalized, normalized.substring(1));
    }

}
