package in.mdm.auth.audit;

/**
 * What an audit entry records. {@code FIELD_KEY_ROTATION_STARTED} stays for the entries
 * written before the rotation endpoint moved to the platform, which records it in the
 * service's chained trail ({@code field-keys.rotate}).
 */
public enum AuditAction {

    LOGIN, ACCOUNT_LOCKED, TOKEN_REFRESHED, REFRESH_TOKEN_REUSED, LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED,
    ACCOUNT_ACTIVATED, USER_REGISTERED, USER_DISABLED, USER_ENABLED, ROLE_CHANGED, MFA_ENABLED, MFA_DISABLED,
    CLIENT_TOKEN, CLIENT_REGISTERED, SIGNING_KEY_ROTATED, FIELD_KEY_ROTATION_STARTED

}
