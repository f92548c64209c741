package in.mdm.auth;

/**
 * The problem codes auth-service answers with (the {@code code} of its RFC 9457
 * problems), each documented in the service's README. Missing or bad access tokens, roles
 * that may not call, and bad fields are the platform's codes
 * ({@code in.mdm.platform.web.PlatformProblems}).
 */
public final class AuthProblems {

    // Signing in (POST /login; a wrong current password or second factor elsewhere too)

    /** 401: wrong password, unknown user or wrong one-time code, alike. */
    public static final String INVALID_CREDENTIALS = "auth.invalid-credentials";

    /** 401: the account is locked after repeated failed sign-ins. */
    public static final String ACCOUNT_LOCKED = "auth.account-locked";

    /** 401: the account has a second factor and no one-time code came. */
    public static final String OTP_REQUIRED = "auth.otp-required";

    // Users: registration, management

    /** 403: an officer registers a school user of a school outside its jurisdiction. */
    public static final String OUTSIDE_JURISDICTION = "auth.outside-jurisdiction";

    /** 404: no such user, or one outside the caller's jurisdiction. */
    public static final String USER_NOT_FOUND = "auth.user.not-found";

    /** 409: the username is taken. */
    public static final String USER_DUPLICATE_USERNAME = "auth.user.duplicate-username";

    /** 409: the e-mail address is taken. */
    public static final String USER_DUPLICATE_EMAIL = "auth.user.duplicate-email";

    /** 409: a caller changing its own role, or disabling or enabling itself. */
    public static final String USER_SELF = "auth.user.self";

    // Activation and password reset

    /** 409: the account is not waiting for activation. */
    public static final String ACTIVATION_NOT_PENDING = "auth.activation.not-pending";

    /** 400: the activation token is unknown, expired or used. */
    public static final String ACTIVATION_TOKEN_INVALID = "auth.activation.token-invalid";

    /** 400: the reset token is unknown, expired or used. */
    public static final String RESET_TOKEN_INVALID = "auth.reset.token-invalid";

    // Second factor

    /** 409: enrolling while the second factor is on. */
    public static final String MFA_ALREADY_ENABLED = "auth.mfa.already-enabled";

    /** 409: confirming without an enrolment under way. */
    public static final String MFA_NOT_ENROLLING = "auth.mfa.not-enrolling";

    /** 400: the first code does not match the new secret. */
    public static final String MFA_CODE_INVALID = "auth.mfa.code-invalid";

    /** 409: disabling a second factor that is not on. */
    public static final String MFA_NOT_ENABLED = "auth.mfa.not-enabled";

    // Machine clients (POST /token, POST /clients)

    /** 409: a machine client with this id exists. */
    public static final String CLIENT_DUPLICATE_ID = "auth.client.duplicate-id";

    /** 400: the client secret came in the URL. */
    public static final String SECRET_IN_URL = "auth.secret-in-url";

    /** 400: a grant type other than client_credentials. */
    public static final String UNSUPPORTED_GRANT_TYPE = "auth.unsupported-grant-type";

    /** 401: unknown client or wrong secret. */
    public static final String INVALID_CLIENT = "auth.invalid-client";

    /** 400: a scope the client was not granted. */
    public static final String INVALID_SCOPE = "auth.invalid-scope";

    private AuthProblems() {
    }

}
