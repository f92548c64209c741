package in.mdm.auth.user;

/**
 * What a password must be. The rules live in the platform
 * ({@link in.mdm.platform.security.PasswordPolicy}), because the launcher checks
 * {@code MDM_ADMIN_PASSWORD} with the same rules before it starts this service.
 */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    /** Why the password is refused, or {@code null} when it is acceptable. */
    static String problem(String password, String username) {
        return in.mdm.platform.security.PasswordPolicy.problem(password, username);
    }

}
