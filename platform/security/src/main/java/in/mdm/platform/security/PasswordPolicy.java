package in.mdm.platform.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: 12 to 128 characters; at least three of lower case, upper
 * case, digits and other characters; not containing the username; not one of the
 * passwords every attacker tries first.
 *
 * <p>
 * Plain rules without dependencies: auth-service applies them to every password it
 * stores, and the launcher applies them to {@code MDM_ADMIN_PASSWORD} before it starts
 * anything, so that a refused password stops {@code ./run} with the reason instead of
 * leaving a suite nobody can sign in to.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password1234", "password@123", "Password@123", "Password1234",
            "Welcome@1234", "Admin@123456", "Qwerty@12345", "India@123456", "Chennai@1234", "Tamilnadu@123",
            "P@ssw0rd1234", "Passw0rd1234", "Abcd@1234567", "Abcdef@12345", "Changeme@123");

    private PasswordPolicy() {
    }

    /** Why the password is refused, or {@code null} when it is acceptable. */
    public static String problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters";
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return "must mix at least three of: lower case, upper case, digits, other characters";
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "must not contain the username";
        }
        if (COMMON.stream().anyMatch(common -> common.equalsIgnoreCase(password))) {
            return "is too common";
        }
        return null;
    }

    /** Whether the password is acceptable for this user. */
    public static boolean accepts(String password, String username) {
        return problem(password, username) == null;
    }

}
